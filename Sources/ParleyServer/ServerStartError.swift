/// Why the server did not start.
public struct ServerStartError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
