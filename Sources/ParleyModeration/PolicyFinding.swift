/// A stateful limit that a message broke (or a bulk pattern it belongs to), found by ``PolicyEnforcer``.
public struct PolicyFinding: Hashable, Sendable {
    public var symbol: DetectorSymbol
    /// The numbers behind it (`count=51 limit=50`).
    public var detail: String

    public init(symbol: DetectorSymbol, detail: String) {
        self.symbol = symbol
        self.detail = detail
    }
}

/// What the stateful checks need from a message, computed without state so the async part holds no
/// reference to the (non-Sendable) message or moderator.
public struct MessageFacts: Hashable, Sendable {
    /// SimHash of the folded units, nil for messages too short to fingerprint.
    public var fingerprint: UInt64?
}
