import ParleyText

/// Everything ParleyTone reads from `Lexicons/`, compiled once: one immutable, `Sendable` snapshot
/// that any number of ``ToneAnalyzer``s share. Reloading builds a new snapshot; a failed load
/// throws every problem with file:line:column and leaves the caller's old snapshot in service.
///
/// Files (relative to the lexicons folder): `fr/` and `en/` `sentiment.map`,
/// `sentiment-modifiers.map`, `formality.map`, `urgency.map`, `conflict.map`, `dates.map`;
/// `tone/emoji.map`, `tone/sarcasm-emoji.map`, `tone/language-hints.map`, `tone/tips.rules`.
public final class ToneResources: Sendable {
    let words: WordTable
    let lexicons: [LanguageLexicons]  // indexed by ToneLanguage.index
    /// Emoji and emoticons (canonical bytes) and their valence.
    let symbols: WordTable
    let symbolValences: [Double]
    /// Emoji that mark irony after praise (🙄 🙃 😒), as ids of ``symbols``; a handful.
    let sarcasmSymbols: [Int32]
    /// For each word id, the languages it hints at (bit 0 French, bit 1 English): frequent function
    /// words, for guessing the language when the caller does not give it.
    let languageHints: [UInt8]
    let tips: TipRules
    /// The tables each word starts a phrase of.
    let phraseStarts: PhraseStarts
    /// The files this snapshot was loaded from.
    public let files: [String]
    /// Warnings found while loading (duplicates); errors make ``load(from:textResources:)`` throw.
    public let warnings: [Diagnostic]

    func lexicon(_ language: ToneLanguage) -> LanguageLexicons { lexicons[language.index] }

    init(
        words: WordTable, lexicons: [LanguageLexicons], symbols: WordTable, symbolValences: [Double],
        sarcasmSymbols: [Int32], languageHints: [UInt8], tips: TipRules, files: [String], warnings: [Diagnostic]
    ) {
        self.words = words
        self.languageHints = languageHints
        self.lexicons = lexicons
        self.symbols = symbols
        self.symbolValences = symbolValences
        self.sarcasmSymbols = sarcasmSymbols
        self.tips = tips
        self.phraseStarts = PhraseStarts(wordCount: words.count, lexicons: lexicons)
        self.files = files
        self.warnings = warnings
    }

    /// Loads and compiles every tone lexicon under `directory` (the `Lexicons/` folder).
    ///
    /// Entries are folded with a segmenter over `textResources`, exactly as messages are.
    /// - Complexity: reads about 12 000 lines; tens of milliseconds. Call at start-up or on reload.
    /// - Throws: ``DiagnosticList`` with every error found (file:line:column), when there is one.
    public static func load(from directory: String, textResources: TextResources) throws(DiagnosticList) -> ToneResources {
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: textResources, limits: TextLimits())
        } catch {
            throw DiagnosticList([Diagnostic(file: directory, message: "cannot open a segmenter to fold entries: \(error)")])
        }
        var loader = LexiconLoader(fold: { segmenter.fold($0) })
        var lexicons: [LanguageLexicons] = []
        for language in ToneLanguage.allCases {
            lexicons.append(LanguageLexicons.load(language, from: directory + "/" + language.rawValue, loader: &loader))
        }
        var hintWords: [(Int32, ToneLanguage)] = []
        let hintPath = directory + "/tone/language-hints.map"
        if let file = loader.table(hintPath) {
            for line in file.lines {
                guard line.texts.count == 2, let language = ToneLanguage(rawValue: line.texts[0]) else {
                    loader.diagnostics.append(
                        Diagnostic(
                            file: hintPath, line: line.number, column: line.columns[0],
                            message: "expected '<fr|en> <word>'"))
                    continue
                }
                for word in loader.fold(line.texts[1]).split(separator: " ") {
                    hintWords.append((loader.words.intern(word.utf8), language))
                }
            }
        }
        var hints = [UInt8](repeating: 0, count: loader.words.count)
        for (id, language) in hintWords { hints[Int(id)] |= language.hintBit }

        var symbols = WordTable()
        let valences = loader.symbols(directory + "/tone/emoji.map", table: &symbols)
        var sarcasm: [Int32] = []
        let sarcasmPath = directory + "/tone/sarcasm-emoji.map"
        if let file = loader.table(sarcasmPath) {
            for line in file.lines {
                guard line.texts.count == 1 else {
                    loader.diagnostics.append(
                        Diagnostic(
                            file: sarcasmPath, line: line.number, column: line.columns[0],
                            message: "expected one emoji per line"))
                    continue
                }
                let key = SymbolKey.canonical(Array(line.texts[0].utf8))
                let id = key.withUnsafeBufferPointer { symbols.lookup($0) }
                if id == WordTable.unknown {
                    loader.diagnostics.append(
                        Diagnostic(
                            file: sarcasmPath, line: line.number, column: line.columns[0],
                            message: "'\(line.texts[0])' has no valence in tone/emoji.map"))
                } else {
                    if !sarcasm.contains(id) { sarcasm.append(id) }
                }
            }
        }
        let tipsPath = directory + "/tone/tips.rules"
        var tips = TipRules(rules: [])
        if let file = loader.textFile(tipsPath) {
            switch TipRules.parse(file, path: tipsPath) {
            case .success(let rules): tips = rules
            case .failure(let list): loader.diagnostics.append(contentsOf: list.diagnostics)
            }
        }

        if loader.diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(loader.diagnostics) }
        return ToneResources(
            words: loader.words, lexicons: lexicons, symbols: symbols, symbolValences: valences,
            sarcasmSymbols: sarcasm, languageHints: hints, tips: tips, files: loader.files, warnings: loader.diagnostics)
    }

    /// Loads from the `Lexicons/` folder found by ``ResourceLocator`` (or `PARLEY_LEXICONS`).
    /// - Complexity: as ``load(from:textResources:)``; call at start-up or on reload.
    public static func loadDefault(textResources: TextResources) throws(DiagnosticList) -> ToneResources {
        guard let directory = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(from: directory, textResources: textResources)
    }
}

extension ToneLanguage {
    var index: Int { self == .fr ? 0 : 1 }
    var hintBit: UInt8 { self == .fr ? 1 : 2 }
}
