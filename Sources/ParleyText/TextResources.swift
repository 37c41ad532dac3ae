/// The small tables that steer segmentation and folding, loaded from `Lexicons/text/` so that
/// moderators can extend them without a rebuild: leetspeak letters, number words, top-level
/// domains, currency words, emoticons.
///
/// Immutable and `Sendable`: one instance serves every ``Segmenter``.
public final class TextResources: Sendable {
    /// ASCII character read as a letter inside a word (`3` → `e`, `@` → `a`), indexed by byte.
    let leetASCII: [UInt8]
    /// Folded number words (`douze`, `twelve`, `oh`) and their value.
    let numberWords: [String: Int]
    /// Known top-level domains, lower case, for bare domains like `example.fr` and `bit.ly/x`.
    let topLevelDomains: Set<String>
    /// Folded currency words and symbols (`€`, `euros`, `balles`, `$`) and their ISO code.
    let currencies: [String: String]
    /// Emoticons exactly as typed (`:)`, `:-(`, `<3`).
    let emoticons: Set<[UInt8]>
    /// Longest emoticon in bytes.
    let longestEmoticon: Int

    /// The files this was loaded from, for diagnostics and reload reports.
    public let files: [String]

    /// Loads `leet.map`, `number-words.map`, `tlds.map`, `currencies.map` and `emoticons.map` from a folder.
    /// - Throws: ``DiagnosticList`` with every problem found, each with file:line:column.
    public static func load(from directory: String) throws(DiagnosticList) -> TextResources {
        var diagnostics: [Diagnostic] = []
        func table(_ name: String) -> TableFile {
            do {
                return try TableFile.read(directory + "/" + name)
            } catch {
                diagnostics.append(error)
                return TableFile(path: directory + "/" + name, lines: [])
            }
        }

        var leet = [UInt8](repeating: 0, count: 128)
        let leetFile = table("leet.map")
        for line in leetFile.lines {
            guard line.texts.count == 2, line.texts[0].utf8.count == 1, line.texts[1].utf8.count == 1,
                let from = line.texts[0].utf8.first, let to = line.texts[1].utf8.first, from < 128,
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(to)
            else {
                diagnostics.append(Diagnostic(file: leetFile.path, line: line.number, column: line.columns[0],
                    message: "expected '<ASCII character> <lower-case letter>'"))
                continue
            }
            if leet[Int(from)] != 0 {
                diagnostics.append(Diagnostic(file: leetFile.path, line: line.number, column: line.columns[0],
                    severity: .warning, message: "duplicate leet entry for '\(line.texts[0])'"))
            }
            leet[Int(from)] = to
        }

        var numbers: [String: Int] = [:]
        let numberFile = table("number-words.map")
        for line in numberFile.lines {
            guard line.texts.count == 3, let value = Int(line.texts[2]), value >= 0, value < 1000 else {
                diagnostics.append(Diagnostic(file: numberFile.path, line: line.number, column: line.columns[0],
                    message: "expected '<language> <word> <value 0-999>'"))
                continue
            }
            numbers[Folding.simpleFold(line.texts[1])] = value
        }

        var domains: Set<String> = []
        let domainFile = table("tlds.map")
        for line in domainFile.lines {
            let tld = line.texts[0].lowercased()
            guard line.texts.count == 1, tld.allSatisfy({ $0.isLetter || $0 == "-" }) else {
                diagnostics.append(Diagnostic(file: domainFile.path, line: line.number, column: line.columns[0],
                    message: "expected one top-level domain per line"))
                continue
            }
            domains.insert(tld)
        }

        var currencies: [String: String] = [:]
        let currencyFile = table("currencies.map")
        for line in currencyFile.lines {
            guard line.texts.count == 2, line.texts[1].count == 3, line.texts[1].allSatisfy(\.isUppercase) else {
                diagnostics.append(Diagnostic(file: currencyFile.path, line: line.number, column: line.columns[0],
                    message: "expected '<symbol or word> <ISO 4217 code>'"))
                continue
            }
            currencies[Folding.simpleFold(line.texts[0])] = line.texts[1]
        }

        var emoticons: Set<[UInt8]> = []
        let emoticonFile = table("emoticons.map")
        for line in emoticonFile.lines {
            guard line.texts.count == 1 else {
                diagnostics.append(Diagnostic(file: emoticonFile.path, line: line.number, column: line.columns[0],
                    message: "expected one emoticon per line"))
                continue
            }
            emoticons.insert(Array(line.texts[0].utf8))
        }

        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return TextResources(
            leetASCII: leet, numberWords: numbers, topLevelDomains: domains, currencies: currencies,
            emoticons: emoticons,
            files: [leetFile, numberFile, domainFile, currencyFile, emoticonFile].map(\.path))
    }

    /// Loads the tables from `Lexicons/text/` as found by ``ResourceLocator``.
    public static func loadDefault() throws(DiagnosticList) -> TextResources {
        guard let lexicons = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons/text", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(from: lexicons + "/text")
    }

    init(leetASCII: [UInt8], numberWords: [String: Int], topLevelDomains: Set<String>, currencies: [String: String],
         emoticons: Set<[UInt8]>, files: [String]) {
        self.leetASCII = leetASCII
        self.numberWords = numberWords
        self.topLevelDomains = topLevelDomains
        self.currencies = currencies
        self.emoticons = emoticons
        self.longestEmoticon = emoticons.map(\.count).max() ?? 0
        self.files = files
    }
}
