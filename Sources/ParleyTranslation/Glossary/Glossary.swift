import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The trade's FR↔EN terms, read from TBX files and compiled into one byte trie per language over
/// folded forms, so that a message is matched in one pass with no allocation but the result.
///
/// A `Glossary` is an immutable value: a reload builds a new one with ``load(directory:textResources:)``
/// and swaps it in only when that succeeds; a failed load throws every diagnostic and leaves the
/// serving glossary untouched.
public struct Glossary: Sendable {
    /// The concepts after overrides (a later file's concept with the same id replaces the earlier one).
    public let concepts: [GlossaryConcept]
    /// The files read, in order.
    public let files: [String]
    /// Warnings found while loading (duplicate terms, concepts replaced); errors are thrown instead.
    public let warnings: [Diagnostic]

    /// What a trie key leads to.
    struct Entry: Sendable, Hashable {
        var concept: Int32
        /// The number the matched form stands for (a plural-only noun stands for the singular).
        var plural: Bool
    }

    /// The forms a concept emits in one language.
    struct Forms: Sendable, Hashable {
        var singular: String
        var plural: String
    }

    private let entries: [Entry]
    private let frenchTrie: TermTrie
    private let englishTrie: TermTrie
    /// Per concept: [french forms, english forms].
    private let forms: [[Forms]]

    /// The number of concepts.
    public var termCount: Int { concepts.count }

    /// Loads every `*.tbx` of a folder (in name order), then of its `local/` subfolder, where later
    /// files override earlier ones by concept id.
    /// - Throws: every error found (malformed XML, missing term, unknown language, one-language
    ///   concept, duplicate id…) with file:line:column; warnings are kept in ``warnings``.
    /// - Complexity: reads and folds every term once (milliseconds for thousands of terms).
    public static func load(directory: String, textResources: TextResources) throws(DiagnosticList) -> Glossary {
        try load(files: try ResourceFolder.files(in: directory, extension: "tbx"), textResources: textResources)
    }

    /// Loads the given TBX files in order (later ones override earlier ones by concept id).
    public static func load(files: [String], textResources: TextResources) throws(DiagnosticList) -> Glossary {
        var reader = TBXReader()
        var conceptFile: [Int] = []
        for (index, file) in files.enumerated() {
            let before = reader.concepts.count
            reader.read(path: file)
            conceptFile += Array(repeating: index, count: reader.concepts.count - before)
        }
        var diagnostics = reader.diagnostics
        let glossary = Glossary(
            concepts: reader.concepts, conceptFile: conceptFile, files: files, textResources: textResources,
            diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return glossary
    }

    /// Every diagnostic (errors and warnings) of a set of files, for `parley glossary lint`.
    public static func lint(files: [String], textResources: TextResources) -> [Diagnostic] {
        do {
            return try load(files: files, textResources: textResources).warnings
        } catch {
            return error.diagnostics
        }
    }

    private init(
        concepts loaded: [GlossaryConcept], conceptFile loadedFile: [Int], files: [String], textResources: TextResources,
        diagnostics: inout [Diagnostic]
    ) {
        // Overrides by id: the later concept takes the earlier one's place.
        var concepts: [GlossaryConcept] = []
        var conceptFile: [Int] = []
        var indexByID: [String: Int] = [:]
        for (offset, concept) in loaded.enumerated() {
            if let existing = indexByID[concept.id] {
                diagnostics.append(
                    Diagnostic(
                        file: concept.file, line: concept.line, severity: .note,
                        message: "concept '\(concept.id)' overrides the one at \(concepts[existing].file):\(concepts[existing].line)"))
                concepts[existing] = concept
                conceptFile[existing] = loadedFile[offset]
            } else {
                indexByID[concept.id] = concepts.count
                concepts.append(concept)
                conceptFile.append(loadedFile[offset])
            }
        }
        var compiler = GlossaryCompiler(textResources: textResources, diagnostics: diagnostics)
        var forms: [[Forms]] = []
        for (index, concept) in concepts.enumerated() {
            forms.append(compiler.add(concept, index: Int32(index), file: conceptFile[index]))
        }
        diagnostics = compiler.diagnostics
        self.concepts = concepts
        self.files = files
        self.forms = forms
        self.entries = compiler.entries
        self.frenchTrie = compiler.trie(for: .french)
        self.englishTrie = compiler.trie(for: .english)
        self.warnings = diagnostics.filter { $0.severity != .error }
    }

    /// The glossary terms of a message in the source language, longest match first and without
    /// overlap, in text order. A match starts and ends on whole tokens (never inside a hyphenated
    /// compound), spans only words, numbers and the spaces between them, and is compared on folded
    /// forms (case, accents, elision and hyphen-or-not do not matter).
    /// - Returns: empty when `from == to`.
    /// - Complexity: O(units × longest term); allocates only the result and its strings.
    public func matches(in message: Message, from: TranslationLanguage, to: TranslationLanguage) -> [GlossaryMatch] {
        guard from != to else { return [] }
        let trie = from == .french ? frenchTrie : englishTrie
        let units = message.folded.units
        var result: [GlossaryMatch] = []
        var index = 0
        while index < units.count {
            guard startsToken(index, units), Self.isMatchable(units[index].kind) else {
                index += 1
                continue
            }
            var best: (end: Int, entry: Int32)?
            extend(trie, from: TermTrie.root, unit: index, message: message, best: &best)
            guard let (end, entryIndex) = best else {
                index += 1
                continue
            }
            let entry = entries[Int(entryIndex)]
            let concept = concepts[Int(entry.concept)]
            let span = units[index].span.union(units[end].span)
            let source = message.text(in: span)
            let targetForms = forms[Int(entry.concept)][to == .french ? 0 : 1]
            result.append(
                GlossaryMatch(
                    tokens: units[index].tokens.lowerBound..<units[end].tokens.upperBound, span: span, termID: concept.id,
                    source: source, target: concept.doNotTranslate ? source : (entry.plural ? targetForms.plural : targetForms.singular),
                    doNotTranslate: concept.doNotTranslate))
            index = end + 1
        }
        return result
    }

    static func isMatchable(_ kind: TokenKind) -> Bool { kind == .word || kind == .number }

    /// Whether unit `index` begins its token (a hyphenated compound gives several units per token).
    private func startsToken(_ index: Int, _ units: [FoldedUnit]) -> Bool {
        index == 0 || units[index - 1].tokens.upperBound <= units[index].tokens.lowerBound
    }

    /// Whether unit `index` ends its token.
    private func endsToken(_ index: Int, _ units: [FoldedUnit]) -> Bool {
        index + 1 == units.count || units[index + 1].tokens.lowerBound >= units[index].tokens.upperBound
    }

    /// Whether units `a` and `a + 1` belong to one hyphenated token.
    private func shareToken(_ a: Int, _ units: [FoldedUnit]) -> Bool {
        units[a + 1].tokens.lowerBound < units[a].tokens.upperBound
    }

    /// Whether only spaces separate units `a` and `a + 1` (or they share a token).
    private func adjacent(_ a: Int, _ message: Message) -> Bool {
        let units = message.folded.units
        let from = units[a].tokens.upperBound
        let to = units[a + 1].tokens.lowerBound
        guard from < to else { return true }
        for token in from..<to where message.tokens[token].kind != .whitespace { return false }
        return true
    }

    /// Walks the trie over unit `unit` and the ones after it, keeping the longest match ending on a token end.
    private func extend(_ trie: TermTrie, from state: Int32, unit: Int, message: Message, best: inout (end: Int, entry: Int32)?) {
        let units = message.folded.units
        guard let afterUnit = trie.step(state, message.folded.bytes[units[unit].folded]) else { return }
        if let value = trie.value(at: afterUnit), endsToken(unit, units), best.map({ unit > $0.end }) ?? true {
            best = (unit, value)
        }
        let next = unit + 1
        guard next < units.count, Self.isMatchable(units[next].kind), adjacent(unit, message) else { return }
        if let afterSpace = trie.step(afterUnit, UInt8(ascii: " ")) {
            extend(trie, from: afterSpace, unit: next, message: message, best: &best)
        }
        // "sound-check" also matches "soundcheck".
        if shareToken(unit, units) {
            extend(trie, from: afterUnit, unit: next, message: message, best: &best)
        }
    }
}
