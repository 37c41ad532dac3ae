import ParleyText

/// A stored source segment prepared for one direction: its symbols, its exact key, and where in the
/// stored translation each substitutable value (number, amount, name, link, contact) sits.
struct MemorySegment: Sendable, Hashable {
    /// A symbol of the source and, when the same value appears in the translation, which slot it fills.
    struct Element: Sendable, Hashable {
        var symbol: MemorySymbol
        var slot: Int?
    }

    var elements: [Element]
    /// UTF-8 byte ranges in ``target`` of the slots.
    var slots: [Range<Int>]
    /// Per slot, the tax marker its token carries in the stored translation ("1 500 € HT").
    var slotTaxFlags: [TokenFlags]
    var sourceText: String
    var target: [UInt8]
    /// The folded source ("merci pour le cachet"), for exact lookup.
    var exactKey: String
    var file: String
    var line: Int

    /// Prepares a pair of segments read by the segmenter.
    init(source: Message, target: Message, file: String, line: Int) {
        self.sourceText = source.text
        self.target = target.original
        self.exactKey = source.folded.string
        self.file = file
        self.line = line
        let targetSymbols = MemorySymbol.symbols(of: target)
        var used = Set<Int>()
        var elements: [Element] = []
        var slots: [Range<Int>] = []
        var slotTaxFlags: [TokenFlags] = []
        for var symbol in MemorySymbol.symbols(of: source) {
            // A value is substitutable when the translation repeats it: same class, same folded text.
            let wanted: MemorySymbol.Kind? = symbol.isWildcardKind ? symbol.kind : (symbol.nameCandidate ? .word : nil)
            var slot: Int?
            if let wanted,
                let match = targetSymbols.firstIndex(where: { !used.contains($0.unit) && $0.kind == wanted && $0.text == symbol.text })
            {
                used.insert(targetSymbols[match].unit)
                let unit = target.folded.units[targetSymbols[match].unit]
                slot = slots.count
                slots.append(Self.tokenRange(of: unit, in: target))
                slotTaxFlags.append(target.tokens[unit.tokens.lowerBound].flags.intersection(Self.taxFlags))
                if symbol.kind == .word { symbol.kind = .name }
            }
            elements.append(Element(symbol: symbol, slot: slot))
        }
        self.elements = elements
        self.slots = slots
        self.slotTaxFlags = slotTaxFlags
    }

    static let taxFlags: TokenFlags = [.beforeTax, .taxIncluded]

    /// The bytes of the whole token(s) a unit comes from (an amount's "€" and "HT" included).
    static func tokenRange(of unit: FoldedUnit, in message: Message) -> Range<Int> {
        let first = message.tokens[unit.tokens.lowerBound].span.utf8
        let last = message.tokens[unit.tokens.upperBound - 1].span.utf8
        return first.lowerBound..<last.upperBound
    }
}
