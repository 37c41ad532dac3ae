/// One suggested reply: its move and where its text sits in the set's buffer.
public struct Reply: Sendable, Hashable {
    public var move: ReplyMove
    /// Byte range of the text in ``ReplySet/bytes``.
    public var range: Range<Int>
    /// Range in ``ReplySet/unfilledIDs`` of the placeholders left visible in this reply.
    public var unfilledRange: Range<Int>
    /// `file:line` of the pattern.
    public var source: String
}

/// The intent of a received message and the three replies suggested for it. Built into a reused
/// buffer by ``SmartReplies/suggest(for:language:register:values:into:)``: texts are byte ranges of
/// one array, so a set reused across messages stops allocating once it has grown.
public struct ReplySet: Sendable {
    public var reading = IntentReading()
    public var language: ReplyLanguage = .fr
    public var register: ReplyRegister = .vous
    /// Exactly three, with three different moves.
    public var replies: [Reply] = []
    /// UTF-8 of every reply's text, back to back.
    public internal(set) var bytes: [UInt8] = []
    /// Placeholder ids left visible, per reply (see ``Reply/unfilledRange``).
    public internal(set) var unfilledIDs: [Int32] = []
    var catalog: PlaceholderCatalog?

    public init() {}

    /// The text of a reply. Allocates the string.
    public func text(of reply: Reply) -> String { String(decoding: bytes[reply.range], as: UTF8.self) }

    /// The texts of the three replies, in order. Allocates.
    public var texts: [String] { replies.map(text(of:)) }

    /// The placeholders a reply leaves visible (`CACHET` when the caller gave no fee). Allocates.
    public func unfilled(of reply: Reply) -> [String] {
        guard let catalog else { return [] }
        return unfilledIDs[reply.unfilledRange].map { catalog.placeholders[Int($0)].name }
    }

    mutating func reset() {
        reading.reset()
        replies.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        unfilledIDs.removeAll(keepingCapacity: true)
    }
}
