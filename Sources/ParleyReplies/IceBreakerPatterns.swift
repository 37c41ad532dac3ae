import ParleyText

/// Ice-breaker texts of one language (`Lexicons/replies/<lang>/icebreakers.txt`).
///
/// File format: `@fact NAME WEIGHT` starts a section (NAME one of ``IceBreakerFact``, WEIGHT how
/// good an opener that fact makes, 0–10); each line below is `REGISTER text` with REGISTER `tu`,
/// `vous` or `any`; a register may have several lines: the first whose placeholders the facts all
/// fill is used (a plural line with `[NOMBRE_INFLUENCES]`, then a singular one). The texts use the fact placeholders (`[INFLUENCES]`, `[NOMBRE_INFLUENCES]`,
/// `[COLLABORATION]`, `[REGION]`, `[SORTIE]`, `[MEDIA]`).
public struct IceBreakerPatterns: Sendable {
    public struct Pattern: Sendable, Hashable {
        public var fact: IceBreakerFact
        public var weight: Double
        /// `tu` then `vous`: the candidate texts of each register, in file order.
        public var texts: [[CompiledText]]
        public var sources: [[String]]
    }

    public let language: ReplyLanguage
    public let patterns: [Pattern]

    static func parse(
        _ text: String, path: String, language: ReplyLanguage, catalog: PlaceholderCatalog, diagnostics: inout [Diagnostic]
    ) -> IceBreakerPatterns {
        var patterns: [Pattern] = []
        var current: (fact: IceBreakerFact, weight: Double, texts: [[CompiledText]], sources: [[String]], line: Int)?
        func close() {
            guard let section = current else { return }
            if section.texts.contains(where: \.isEmpty) {
                diagnostics.append(Diagnostic(
                    file: path, line: section.line, column: 1,
                    message: "@fact \(section.fact.rawValue) needs a 'tu' and a 'vous' text (or one 'any')"))
            } else {
                patterns.append(Pattern(fact: section.fact, weight: section.weight, texts: section.texts, sources: section.sources))
            }
            current = nil
        }
        for line in SourceLine.lines(of: text, leading: 1) {
            func fail(_ column: Int, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: line.number, column: column, message: message))
            }
            let first = line.fields[0]
            if first.text == "@fact" {
                close()
                let parts = line.rest.text.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, let fact = IceBreakerFact(rawValue: String(parts[0])), let weight = Double(parts[1]),
                    weight >= 0, weight <= 10
                else {
                    fail(line.rest.column, "expected '@fact NAME WEIGHT' with NAME one of \(IceBreakerFact.allCases.map(\.rawValue).joined(separator: ", ")) and 0 ≤ WEIGHT ≤ 10")
                    continue
                }
                if patterns.contains(where: { $0.fact == fact }) {
                    fail(line.rest.column, "@fact \(fact.rawValue) has a section already")
                    continue
                }
                current = (fact, weight, [[], []], [[], []], line.number)
                continue
            }
            guard current != nil else {
                fail(first.column, "text before any '@fact NAME WEIGHT' line")
                continue
            }
            guard ["tu", "vous", "any"].contains(first.text), !line.rest.text.isEmpty else {
                fail(first.column, "expected 'REGISTER text' with REGISTER tu, vous or any")
                continue
            }
            let compiled = CompiledText.compile(
                line.rest.text, catalog: catalog, path: path, line: line.number, column: line.rest.column, diagnostics: &diagnostics)
            for register in first.text == "any" ? [0, 1] : first.text == "tu" ? [0] : [1] {
                current!.texts[register].append(compiled)
                current!.sources[register].append("\(path):\(line.number)")
            }
        }
        close()
        for fact in IceBreakerFact.allCases where !patterns.contains(where: { $0.fact == fact }) {
            diagnostics.append(Diagnostic(file: path, message: "no '@fact \(fact.rawValue)' section"))
        }
        return IceBreakerPatterns(language: language, patterns: patterns)
    }
}
