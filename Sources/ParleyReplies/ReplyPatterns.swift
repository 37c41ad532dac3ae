import ParleyText

/// The reply texts of one language (`Lexicons/replies/<lang>/replies.txt`): for every intent,
/// exactly three slots with three different moves, each in the `tu` and `vous` registers.
/// A slot may have several texts per register: the first that does not echo the received message
/// is used (see ``SmartReplies``), so write the most natural first and a differently worded one after.
///
/// File format: `@intent NAME` starts a section (`other` included: the replies to a message no cue
/// matched); each line is `MOVE REGISTER text`, with MOVE one of ``ReplyMove`` and REGISTER `tu`,
/// `vous` or `any` (both). Texts use the placeholders of `templates/placeholders.map`.
public struct ReplyPatterns: Sendable {
    public struct Slot: Sendable, Hashable {
        public var move: ReplyMove
        /// Indexed by ``ReplyRegister`` (`tu` then `vous`): the alternatives in file order.
        public var texts: [[CompiledText]]
        /// `file:line` of each text.
        public var sources: [[String]]

        /// The first text of a register.
        public func text(_ register: ReplyRegister) -> CompiledText { texts[register == .tu ? 0 : 1][0] }
        public func source(_ register: ReplyRegister) -> String { sources[register == .tu ? 0 : 1][0] }
        /// Every alternative of a register.
        public func alternatives(_ register: ReplyRegister) -> [CompiledText] { texts[register == .tu ? 0 : 1] }
    }

    public let language: ReplyLanguage
    /// Indexed by the position of the intent in ``ReplyIntent/allCases``.
    let slots: [[Slot]]

    /// The three slots of an intent. O(1).
    public func slots(for intent: ReplyIntent) -> [Slot] { slots[intent.index] }

    static func parse(
        _ text: String, path: String, language: ReplyLanguage, catalog: PlaceholderCatalog, segmenter: Segmenter,
        diagnostics: inout [Diagnostic]
    ) -> ReplyPatterns {
        struct Draft {
            var move: ReplyMove
            var texts: [[CompiledText]] = [[], []]
            var sources: [[String]] = [[], []]
            var line = 0
        }
        var drafts: [[Draft]] = Array(repeating: [], count: ReplyIntent.allCases.count)
        var headerLines: [Int] = Array(repeating: 0, count: ReplyIntent.allCases.count)
        var intent: ReplyIntent?
        for line in SourceLine.lines(of: text, leading: 2) {
            func fail(_ column: Int, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: line.number, column: column, message: message))
            }
            let first = line.fields[0]
            if first.text == "@intent" {
                guard line.fields.count == 2, line.rest.text.isEmpty, let named = ReplyIntent(rawValue: line.fields[1].text) else {
                    fail(line.fields.last!.column, "expected '@intent NAME' with NAME one of: \(ReplyIntent.allCases.map(\.rawValue).joined(separator: ", "))")
                    intent = nil
                    continue
                }
                if headerLines[named.index] != 0 {
                    fail(first.column, "@intent \(named.rawValue) already has a section at line \(headerLines[named.index])")
                    intent = nil
                    continue
                }
                headerLines[named.index] = line.number
                intent = named
                continue
            }
            guard let intent else {
                fail(first.column, "reply before any '@intent NAME' line")
                continue
            }
            guard let move = ReplyMove(rawValue: first.text) else {
                fail(first.column, "unknown move '\(first.text)' (moves: \(ReplyMove.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard line.fields.count == 2, ["tu", "vous", "any"].contains(line.fields[1].text) else {
                fail(line.fields.last!.column, "expected 'MOVE REGISTER text' with REGISTER tu, vous or any")
                continue
            }
            guard !line.rest.text.isEmpty else {
                fail(line.fields[1].column, "no reply text after the register")
                continue
            }
            let compiled = CompiledText.compile(
                line.rest.text, catalog: catalog, path: path, line: line.number, column: line.rest.column, diagnostics: &diagnostics
            ).withWords(segmenter, catalog: catalog)
            var slot = drafts[intent.index].firstIndex { $0.move == move }
            if slot == nil {
                drafts[intent.index].append(Draft(move: move))
                slot = drafts[intent.index].count - 1
            }
            let registers = line.fields[1].text == "any" ? [0, 1] : line.fields[1].text == "tu" ? [0] : [1]
            if drafts[intent.index][slot!].line == 0 { drafts[intent.index][slot!].line = line.number }
            for register in registers {
                drafts[intent.index][slot!].texts[register].append(compiled)
                drafts[intent.index][slot!].sources[register].append("\(path):\(line.number)")
            }
        }
        var slots: [[Slot]] = []
        for intent in ReplyIntent.allCases {
            let section = drafts[intent.index]
            let at = headerLines[intent.index]
            if at == 0 {
                diagnostics.append(Diagnostic(file: path, message: "no '@intent \(intent.rawValue)' section: every intent needs three replies"))
            } else if section.count != 3 {
                diagnostics.append(Diagnostic(
                    file: path, line: at, column: 1,
                    message: "@intent \(intent.rawValue) has \(section.count) moves (\(section.map(\.move.rawValue).joined(separator: ", "))); it needs exactly three different ones"))
            }
            var built: [Slot] = []
            for draft in section {
                let missing = zip(["tu", "vous"], draft.texts).filter { $0.1.isEmpty }.map(\.0)
                if !missing.isEmpty {
                    diagnostics.append(Diagnostic(
                        file: path, line: draft.line, column: 1,
                        message: "@intent \(intent.rawValue) \(draft.move.rawValue) has no '\(missing.joined(separator: "', '"))' text (use 'any' when both registers read the same)"))
                    continue
                }
                built.append(Slot(move: draft.move, texts: draft.texts, sources: draft.sources))
            }
            slots.append(built)
        }
        return ReplyPatterns(language: language, slots: slots)
    }
}

extension ReplyIntent {
    /// Every case in declaration order, made once (`allCases` builds a new array at each use).
    static let ordered: [ReplyIntent] = allCases

    /// Position in ``allCases``, for arrays indexed by intent. O(1) after the first use.
    var index: Int { Self.indices[self]! }
    private static let indices: [ReplyIntent: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
