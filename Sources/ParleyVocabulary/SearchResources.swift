import ParleyText

/// What search analysis loads once: stop words per language (`Lexicons/<lang>/stopwords.map`) and
/// the month names that turn `15 mars` into a date term. Immutable and `Sendable`.
public final class SearchResources: Sendable {
    /// Folded stop words by language.
    let stopWords: [SearchLanguage: ByteStringTable]
    /// Folded month names and abbreviations (French and English) → month number.
    let months: ByteStringTable
    /// The text tables the analyzers' segmenters use.
    public let textResources: TextResources
    /// The files loaded, for reload reports.
    public let files: [String]

    /// Month names, full and abbreviated, read after a day number (`15 mars`, `3 May`), in their
    /// folded form (the analyzer looks them up in the folded message).
    static let monthNames: [(String, Int)] = [
        ("janvier", 1), ("janv", 1), ("january", 1), ("jan", 1),
        ("fevrier", 2), ("fevr", 2), ("fev", 2), ("february", 2), ("feb", 2),
        ("mars", 3), ("march", 3), ("mar", 3),
        ("avril", 4), ("avr", 4), ("april", 4), ("apr", 4),
        ("mai", 5), ("may", 5),
        ("juin", 6), ("june", 6), ("jun", 6),
        ("juillet", 7), ("juil", 7), ("july", 7), ("jul", 7),
        ("aout", 8), ("august", 8), ("aug", 8),
        ("septembre", 9), ("sept", 9), ("september", 9), ("sep", 9),
        ("octobre", 10), ("october", 10), ("oct", 10),
        ("novembre", 11), ("november", 11), ("nov", 11),
        ("decembre", 12), ("december", 12), ("dec", 12),
    ]

    init(stopWords: [SearchLanguage: ByteStringTable], textResources: TextResources, files: [String]) {
        self.stopWords = stopWords
        self.months = ByteStringTable(Self.monthNames.map { (Array($0.0.utf8), $0.1) })
        self.textResources = textResources
        self.files = files
    }

    /// Loads `<lexicons>/<lang>/stopwords.map` for each language.
    /// - Throws: ``DiagnosticList`` with file:line:column for each bad line (a stop word must fold
    ///   to exactly one word) or unreadable file.
    /// - Complexity: load-time only.
    public static func load(lexiconsDirectory: String, textResources: TextResources,
                            languages: [SearchLanguage] = SearchLanguage.allCases) throws(DiagnosticList) -> SearchResources {
        var diagnostics: [Diagnostic] = []
        var tables: [SearchLanguage: ByteStringTable] = [:]
        var files: [String] = []
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: textResources, limits: TextLimits())
        } catch {
            throw DiagnosticList([Diagnostic(file: lexiconsDirectory, message: "cannot open a segmenter: \(error)")])
        }
        for language in languages {
            let path = lexiconsDirectory + "/" + language.rawValue + "/stopwords.map"
            files.append(path)
            let table: TableFile
            do {
                table = try TableFile.read(path)
            } catch {
                diagnostics.append(error)
                continue
            }
            var words: [(key: [UInt8], value: Int)] = []
            for line in table.lines {
                guard line.texts.count == 1 else {
                    diagnostics.append(Diagnostic(file: path, line: line.number, column: line.columns[1],
                                                  message: "expected one stop word per line"))
                    continue
                }
                let folded = segmenter.fold(line.texts[0])
                guard !folded.isEmpty, !folded.contains(" ") else {
                    diagnostics.append(Diagnostic(file: path, line: line.number, column: line.columns[0],
                        message: "stop word '\(line.texts[0])' does not fold to a single word ('\(folded)')"))
                    continue
                }
                words.append((Array(folded.utf8), line.number))
            }
            tables[language] = ByteStringTable(words)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return SearchResources(stopWords: tables, textResources: textResources, files: files)
    }

    /// Loads from the `Lexicons/` folder found by ``ResourceLocator``.
    public static func loadDefault(textResources: TextResources) throws(DiagnosticList) -> SearchResources {
        guard let lexicons = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(lexiconsDirectory: lexicons, textResources: textResources)
    }

    /// Whether a word (folded like messages) is a stop word of the language. Allocates the folded
    /// key; the analyzer's own path does not.
    public func isStopWord(_ foldedWord: String, language: SearchLanguage) -> Bool {
        var word = foldedWord
        return word.withUTF8 { stopWords[language]?.contains($0) ?? false }
    }

    /// The languages with stop words loaded.
    public var languages: [SearchLanguage] { SearchLanguage.allCases.filter { stopWords[$0] != nil } }
}
