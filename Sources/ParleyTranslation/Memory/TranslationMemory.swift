import ParleyText

/// Whole-message translations reused before decoding, read from TMX files: an exact hit after
/// folding, or the closest stored segment at the token level, with numbers, amounts, names, links
/// and contacts of the message substituted into the stored translation.
///
/// Like ``Glossary``, an immutable value: a reload builds a new one and swaps it only on success.
public struct TranslationMemory: Sendable {
    /// What each substituted value takes off a fuzzy score, so that a hit differing only by a number
    /// scores just under an exact one.
    public static let substitutionCost = 0.01
    /// The lowest fuzzy score ``lookup(_:from:to:minimumScore:)`` returns by default.
    public static let defaultMinimumScore = 0.75

    /// The files read, in order.
    public let files: [String]
    /// Warnings found while loading; errors are thrown instead.
    public let warnings: [Diagnostic]
    /// The number of translation units.
    public let unitCount: Int

    /// Segments by source language: [French sources, English sources].
    private let segments: [[MemorySegment]]
    /// Exact keys (folded source) to segment index, per source language.
    private let exact: [[String: Int]]

    /// Loads every `*.tmx` of a folder (in name order), then of its `local/` subfolder; for the same
    /// folded source, a later unit replaces an earlier one.
    /// - Throws: every error (malformed XML, missing header or srclang, a unit without both
    ///   languages, an empty segment, duplicate tuid…) with file:line:column.
    /// - Complexity: segments each stored segment once.
    public static func load(directory: String, textResources: TextResources) throws(DiagnosticList) -> TranslationMemory {
        try load(files: try ResourceFolder.files(in: directory, extension: "tmx"), textResources: textResources)
    }

    /// Loads the given TMX files in order.
    public static func load(files: [String], textResources: TextResources) throws(DiagnosticList) -> TranslationMemory {
        var reader = TMXReader()
        for file in files { reader.read(path: file) }
        var diagnostics = reader.diagnostics
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: textResources)
        } catch {
            throw DiagnosticList(diagnostics + [Diagnostic(file: files.first ?? "", message: "cannot open a segmenter: \(error)")])
        }
        var segments: [[MemorySegment]] = [[], []]
        var exact: [[String: Int]] = [[:], [:]]
        for unit in reader.units {
            for (side, language) in [TranslationLanguage.french, .english].enumerated() {
                guard let sourceText = unit.segments[language], let targetText = unit.segments[language.other] else { continue }
                let source: Message
                let target: Message
                do {
                    source = try segmenter.read(sourceText)
                    target = try segmenter.read(targetText)
                } catch {
                    diagnostics.append(Diagnostic(file: unit.file, line: unit.line, message: "cannot read segment: \(error)"))
                    continue
                }
                let segment = MemorySegment(source: source, target: target, file: unit.file, line: unit.line)
                if let existing = exact[side][segment.exactKey] {
                    let previous = segments[side][existing]
                    if previous.file == segment.file && previous.target != segment.target {
                        diagnostics.append(
                            Diagnostic(
                                file: unit.file, line: unit.line, severity: .warning,
                                message: "\(language) segment '\(sourceText)' is also at line \(previous.line) with another translation; this one wins"))
                    }
                    segments[side][existing] = segment
                } else {
                    exact[side][segment.exactKey] = segments[side].count
                    segments[side].append(segment)
                }
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return TranslationMemory(
            files: files, warnings: diagnostics, unitCount: reader.units.count, segments: segments, exact: exact)
    }

    /// Every diagnostic (errors and warnings) of a set of files, for `parley glossary lint`.
    public static func lint(files: [String], textResources: TextResources) -> [Diagnostic] {
        do {
            return try load(files: files, textResources: textResources).warnings
        } catch {
            return error.diagnostics
        }
    }

    private init(files: [String], warnings: [Diagnostic], unitCount: Int, segments: [[MemorySegment]], exact: [[String: Int]]) {
        self.files = files
        self.warnings = warnings
        self.unitCount = unitCount
        self.segments = segments
        self.exact = exact
    }

    /// The best stored translation of a whole message, or nil when none scores `minimumScore` or more.
    /// - Returns: nil when `from == to`.
    /// - Complexity: one hash lookup for an exact hit; otherwise O(segments × length²) over the
    ///   segments whose length could reach the score. Allocates the folded key, the message's
    ///   symbols and the result.
    public func lookup(
        _ message: Message, from: TranslationLanguage, to: TranslationLanguage, minimumScore: Double = defaultMinimumScore
    ) -> MemoryMatch? {
        guard from != to else { return nil }
        let side = from == .french ? 0 : 1
        let stored = segments[side]
        if let index = exact[side][message.folded.string] {
            let segment = stored[index]
            return MemoryMatch(target: String(decoding: segment.target, as: UTF8.self), score: 1, sourceSegment: segment.sourceText)
        }
        let symbols = MemorySymbol.symbols(of: message)
        guard !symbols.isEmpty else { return nil }
        var best: (score: Double, index: Int, alignment: FuzzyAlignment)?
        for (index, segment) in stored.enumerated() {
            let longest = max(segment.elements.count, symbols.count)
            let lengthGap = Double(abs(segment.elements.count - symbols.count)) / Double(longest)
            guard 1 - lengthGap >= minimumScore else { continue }
            let alignment = FuzzyAlignment(segment: segment.elements, message: symbols)
            let score = max(0, 1 - Double(alignment.edits) / Double(longest) - Self.substitutionCost * Double(alignment.substitutions.count))
            guard score >= minimumScore, score > (best?.score ?? -1) else { continue }
            best = (score, index, alignment)
        }
        guard let best else { return nil }
        let segment = stored[best.index]
        return MemoryMatch(
            target: render(segment, substitutions: best.alignment.substitutions, message: message, to: to), score: best.score,
            sourceSegment: segment.sourceText)
    }

    /// The stored translation with each substituted slot replaced by the message's value.
    private func render(_ segment: MemorySegment, substitutions: [(slot: Int, symbol: MemorySymbol)], message: Message, to: TranslationLanguage)
        -> String
    {
        var replacements: [(range: Range<Int>, text: String)] = []
        for (slot, symbol) in substitutions {
            let unit = message.folded.units[symbol.unit]
            var text = message.text(in: TextSpan(utf8: MemorySegment.tokenRange(of: unit, in: message), utf16: 0..<0))
            if symbol.kind == .amount {
                // The stored translation's token says whether a tax marker belongs inside it ("1 500 € HT")
                // or is written in words beside it ("€1,500 excl. VAT"); the message says which marker.
                let stored = segment.slotTaxFlags[slot]
                let said = message.tokens[unit.tokens.lowerBound].flags.intersection(MemorySegment.taxFlags)
                let marker = stored.isEmpty ? [] : (said.isEmpty ? stored : said)
                text = AmountFormat.render(folded: symbol.text, flags: marker, in: to) ?? text
            }
            replacements.append((segment.slots[slot], text))
        }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.target.count + 16)
        var cursor = 0
        for (range, text) in replacements {
            bytes += segment.target[cursor..<range.lowerBound]
            bytes += Array(text.utf8)
            cursor = range.upperBound
        }
        bytes += segment.target[cursor...]
        return String(decoding: bytes, as: UTF8.self)
    }
}
