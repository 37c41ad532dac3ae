import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// The methods each route path answers, filled once the router's routes are added: a request for
/// a known path with another method gets 405 and `Allow`, not 404.
final class RouteMethods: Sendable {
    private let table = NIOLockedValueBox<[String: [String]]>([:])

    func record<Context>(_ router: Router<Context>) {
        var methods: [String: [String]] = [:]
        for route in router.routes { methods[route.path.description, default: []].append(route.method.rawValue) }
        table.withLockedValue { $0 = methods.mapValues { $0.sorted() } }
    }

    func methods(for path: String) -> [String]? { table.withLockedValue { $0[path] } }
}

/// Answers every error as `application/problem+json` and records each request's count and latency
/// per route in ``ServerMetrics``. The route is the router's pattern (`/v1/analyze`), never the raw
/// path, so that a scan of random URLs cannot create unbounded series.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let logger: Logger
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = problem.response()
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound:
                if let allowed = routes.methods(for: request.uri.path) {
                    var answer = Problem.methodNotAllowed(request.method.rawValue, request.uri.path, allowed: allowed).response()
                    answer.headers[.allow] = allowed.joined(separator: ", ")
                    response = answer
                } else {
                    response = Problem.notFound(request.uri.path).response()
                }
            case .contentTooLarge: response = Problem.bodyTooLarge(limit: -1).response()
            default:
                response = Problem(type: Problem.base + "http", title: error.status.reasonPhrase, status: error.status.code,
                                   detail: "\(error.status.code) \(error.status.reasonPhrase)").response()
            }
        } catch {
            logger.error("request failed", metadata: ["route": .string(context.endpointPath ?? "-"), "error": .string("\(error)")])
            response = Problem(type: Problem.base + "internal", title: "Internal Server Error", status: 500,
                               detail: "the request could not be answered").response()
        }
        let elapsed = ContinuousClock.now - start
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        metrics.requestFinished(route: context.endpointPath ?? "unmatched", method: request.method.rawValue,
                                status: response.status.code, nanoseconds: nanoseconds)
        return response
    }
}

/// Lets a request through only with `Authorization: Bearer <token>`.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw Problem.unauthorized }
        let given = Array(header.utf8.dropFirst("Bearer ".utf8.count))
        // Compare every byte whatever the first difference, so timing does not reveal the prefix.
        var difference = UInt8(given.count == token.count ? 0 : 1)
        for index in 0..<min(given.count, token.count) { difference |= given[index] ^ token[index] }
        guard difference == 0 else { throw Problem.unauthorized }
        return try await next(request, context)
    }
}
