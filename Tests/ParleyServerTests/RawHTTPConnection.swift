import Foundation
import Glibc

/// A plain TCP connection that writes bytes as given and reads HTTP/1.1 answers back: what
/// `URLSession` cannot do (pipelining several requests in one write, watching the connection
/// close, sending a body in pieces).
///
/// Its reads block, so they run on a thread of their own (``answers(_:)``, ``closes()``): blocking
/// the concurrency pool would starve the in-process server's router, which runs there.
/// `@unchecked Sendable`: one test uses a connection, one call at a time.
final class RawHTTPConnection: @unchecked Sendable {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: JSONValue? { JSONValue.parse(body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socketDescriptor: Int32
    private var received: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; every read gives up after 10 seconds.
    init(port: Int) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socketDescriptor)
            throw Failure(description: "connect: errno \(errno)")
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socketDescriptor) }

    /// A request's bytes: head (with `Content-Length` when there is a body) and body.
    static func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) -> Data {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        return Data((head + "\r\n").utf8) + (body ?? Data())
    }

    func send(_ bytes: Data) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(socketDescriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// The next `count` answers.
    func answers(_ count: Int) async throws -> [Answer] {
        try await offThePool { try (0..<count).map { _ in try self.readAnswer() } }
    }

    /// The next answer.
    func answer() async throws -> Answer {
        try await answers(1)[0]
    }

    /// Whether the server closes the connection (rather than leaving it open) within the read timeout.
    func closes() async throws -> Bool {
        try await offThePool { try self.closesWithoutMoreData() }
    }

    private func offThePool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// The next answer (its body read by `Content-Length`).
    private func readAnswer() throws -> Answer {
        while true {
            if let end = headEnd() {
                let head = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "), let status = Int(statusLine.dropFirst(9).prefix(3)) else {
                    throw Failure(description: "not an HTTP answer: \(head.first ?? "")")
                }
                var headers: [String: String] = [:]
                for line in head.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                while received.count < end + 4 + length { try receive() }
                let body = Data(received[(end + 4)..<(end + 4 + length)])
                received.removeFirst(end + 4 + length)
                return Answer(status: status, headers: headers, body: body)
            }
            try receive()
        }
    }

    private func closesWithoutMoreData() throws -> Bool {
        var byte: UInt8 = 0
        let count = recv(socketDescriptor, &byte, 1, 0)
        if count == 0 { return true }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return false }
        if count < 0, errno == ECONNRESET { return true }
        throw Failure(description: "unexpected data or error after the answer (\(count), errno \(errno))")
    }

    private func headEnd() -> Int? {
        guard received.count >= 4 else { return nil }
        for index in 0...(received.count - 4)
        where received[index] == 13 && received[index + 1] == 10 && received[index + 2] == 13 && received[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func receive() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socketDescriptor, &chunk, chunk.count, 0)
        guard count > 0 else { throw Failure(description: count == 0 ? "connection closed" : "recv: errno \(errno)") }
        received.append(contentsOf: chunk[..<count])
    }
}
