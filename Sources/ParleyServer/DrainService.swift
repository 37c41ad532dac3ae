import Atomics
import Logging
import ServiceLifecycle

/// Turns `/readyz` to 503 (`draining`) as soon as shutdown starts, then waits ``delay`` before the
/// listeners close, so that a load balancer polling readiness stops sending new requests while
/// those in flight finish. It runs last in the service group, so that shutdown, which goes in
/// reverse order, reaches it first.
struct DrainService: Service {
    let draining: ManagedAtomic<Bool>
    let delay: Duration
    let logger: Logger

    func run() async throws {
        // Returns when shutdown starts (or at once if the task is cancelled).
        try? await gracefulShutdown()
        draining.store(true, ordering: .releasing)
        logger.notice("draining", metadata: ["delay": .stringConvertible(delay)])
        if delay > .zero { try? await Task.sleep(for: delay) }
    }
}
