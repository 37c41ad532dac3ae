import ParleyText

/// JSON shapes of ParleyText results for the CLI (and, later, the sidecar).
enum TextJSON {
    struct Span: Encodable {
        var utf8: [Int]
        var utf16: [Int]
        init(_ span: TextSpan) {
            utf8 = [span.utf8.lowerBound, span.utf8.upperBound]
            utf16 = [span.utf16.lowerBound, span.utf16.upperBound]
        }
    }

    struct TokenJSON: Encodable {
        var kind: String
        var text: String
        var span: Span
        var scripts: [String]?
        var flags: [String]?
    }

    struct TokensOutput: Encodable {
        var text: String
        var counts: TextCounts
        var normalized: Bool
        var tokens: [TokenJSON]
    }

    struct UnitJSON: Encodable {
        var folded: String
        var kind: String
        var text: String
        var span: Span
        var transforms: [String]?
    }

    struct FoldOutput: Encodable {
        var text: String
        var folded: String
        var units: [UnitJSON]
    }

    static func tokens(_ message: Message) -> TokensOutput {
        TokensOutput(
            text: message.text, counts: message.counts, normalized: message.wasNormalized,
            tokens: message.tokens.map { token in
                TokenJSON(
                    kind: token.kind.rawValue, text: message.text(of: token), span: Span(token.span),
                    scripts: token.scripts.isEmpty ? nil : token.scripts.names,
                    flags: token.flags.isEmpty ? nil : flagNames(token.flags))
            })
    }

    static func folded(_ message: Message) -> FoldOutput {
        FoldOutput(
            text: message.text, folded: message.folded.string,
            units: message.folded.units.map { unit in
                UnitJSON(
                    folded: message.foldedText(of: unit), kind: unit.kind.rawValue, text: message.text(in: unit.span),
                    span: Span(unit.span), transforms: unit.transforms.isEmpty ? nil : transformNames(unit.transforms))
            })
    }

    static func flagNames(_ flags: TokenFlags) -> [String] {
        let names: [(TokenFlags, String)] = [
            (.elision, "elision"), (.hyphenated, "hyphenated"), (.obfuscated, "obfuscated"), (.leet, "leet"),
            (.mixedScript, "mixedScript"), (.allCaps, "allCaps"), (.capitalized, "capitalized"), (.invisibles, "invisibles"),
            (.beforeTax, "beforeTax"), (.taxIncluded, "taxIncluded"), (.ipLiteral, "ipLiteral"), (.punycode, "punycode"),
            (.elongated, "elongated"), (.masked, "masked"),
        ]
        return names.filter { flags.contains($0.0) }.map(\.1)
    }

    static func transformNames(_ transforms: FoldTransforms) -> [String] {
        let names: [(FoldTransforms, String)] = [
            (.caseFolded, "caseFolded"), (.accentsStripped, "accentsStripped"), (.invisiblesRemoved, "invisiblesRemoved"),
            (.confusables, "confusables"), (.leet, "leet"), (.squeezed, "squeezed"), (.joined, "joined"),
            (.numberWords, "numberWords"), (.digitsNormalized, "digitsNormalized"),
        ]
        return names.filter { transforms.contains($0.0) }.map(\.1)
    }
}
