import ParleyText

/// One unit of a segment as fuzzy matching compares it: a folded word, or a wildcard class
/// (number, amount, name, link, contact) that can stand for another value of its class.
struct MemorySymbol: Sendable, Hashable {
    enum Kind: UInt8, Sendable, Hashable {
        case word, name, number, amount, url, email, phone, mention, hashtag, other
    }

    var kind: Kind
    /// The folded text.
    var text: String
    /// The unit's index in the folded view of the message it comes from.
    var unit: Int
    /// For a message word: written with a capital and not the first word, so possibly a name.
    var nameCandidate: Bool

    /// The symbols of a message: one per word unit, one per entity token (an amount's "HT" unit
    /// belongs to its amount).
    static func symbols(of message: Message) -> [MemorySymbol] {
        let units = message.folded.units
        var result: [MemorySymbol] = []
        result.reserveCapacity(units.count)
        var seenWord = false
        for (index, unit) in units.enumerated() {
            if unit.kind != .word, index > 0, units[index - 1].tokens == unit.tokens { continue }
            let kind: Kind
            switch unit.kind {
            case .word: kind = .word
            case .number: kind = .number
            case .amount: kind = .amount
            case .url: kind = .url
            case .email: kind = .email
            case .phone: kind = .phone
            case .mention: kind = .mention
            case .hashtag: kind = .hashtag
            default: kind = .other
            }
            var candidate = false
            if kind == .word {
                let flags = message.tokens[unit.tokens.lowerBound].flags
                candidate = seenWord && flags.contains(.capitalized)
                seenWord = true
            }
            result.append(MemorySymbol(kind: kind, text: message.folded.text(of: unit), unit: index, nameCandidate: candidate))
        }
        return result
    }

    /// Whether a value of this kind may be replaced by another of its kind.
    var isWildcardKind: Bool { kind != .word && kind != .other }
}
