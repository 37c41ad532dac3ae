/// The small tables that steer segmentation and folding, loaded from `Lexicons/text/` so that
/// moderators can extend them without a rebuild: leetspeak letters, number words, top-level
/// domains, currency words, emoticons.
///
/// Immutable and `Sendable`: one instance serves every ``Segmenter``.
public final class TextResources: Sendable {
    /// ASCII character read as a letter inside a word (`3` → `e`, `@` → `a`), indexed by byte.
    let leetASCII: [UInt8]
    /// Folded number words (`douze`, `twelve`, `oh`) and their value.
    let numberWords: [ShortKey: Int]
    /// A 1,024-bit filter of the (first letter, last letter, length) shapes of the number words.
    let numberWordShapes: [UInt64]

    @inline(__always)
    static func shape(first: UInt8, last: UInt8, length: Int) -> Int {
        (Int(first) &* 31 &+ Int(last) &* 7 &+ length) & 1023
    }
    /// Known top-level domains, lower case, for bare domains like `example.fr` and `bit.ly/x`.
    let topLevelDomains: Set<ShortKey>
    /// Mail providers (first label of their domain: `gmail`, `orange`…), lower case.
    let mailProviders: Set<ShortKey>
    /// Currency words and symbols, lower case (`€`, `euros`, `balles`, `$`), and their ISO code.
    let currencies: [ShortKey: String]
    /// Emoticons exactly as typed (`:)`, `:-(`, `<3`), bucketed by first byte, longest first.
    let emoticonsByFirstByte: [[[UInt8]]]
    /// Longest emoticon in bytes.
    let longestEmoticon: Int

    /// The files this was loaded from, for diagnostics and reload reports.
    public let files: [String]

    /// Loads `leet.map`, `number-words.map`, `tlds.map`, `mail-providers.map`, `currencies.map` and
    /// `emoticons.map` from a folder.
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

        var numbers: [ShortKey: Int] = [:]
        var numberTexts: [String] = []
        let numberFile = table("number-words.map")
        for line in numberFile.lines {
            guard line.texts.count == 3, let value = Int(line.texts[2]), value >= 0, value < 1000,
                let key = ShortKey(Folding.simpleFold(line.texts[1]))
            else {
                diagnostics.append(Diagnostic(file: numberFile.path, line: line.number, column: line.columns[0],
                    message: "expected '<language> <word of at most 16 bytes> <value 0-999>'"))
                continue
            }
            numbers[key] = value
            numberTexts.append(Folding.simpleFold(line.texts[1]))
        }

        var domains: Set<ShortKey> = []
        let domainFile = table("tlds.map")
        for line in domainFile.lines {
            let tld = line.texts[0].lowercased()
            guard line.texts.count == 1, tld.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }), let key = ShortKey(tld) else {
                diagnostics.append(Diagnostic(file: domainFile.path, line: line.number, column: line.columns[0],
                    message: "expected one top-level domain per line"))
                continue
            }
            domains.insert(key)
        }

        var providers: Set<ShortKey> = []
        let providerFile = table("mail-providers.map")
        for line in providerFile.lines {
            guard line.texts.count == 1, let key = ShortKey(line.texts[0].lowercased()) else {
                diagnostics.append(Diagnostic(file: providerFile.path, line: line.number, column: line.columns[0],
                    message: "expected one provider name of at most 16 bytes per line"))
                continue
            }
            providers.insert(key)
        }

        var currencies: [ShortKey: String] = [:]
        let currencyFile = table("currencies.map")
        for line in currencyFile.lines {
            guard line.texts.count == 2, line.texts[1].count == 3, line.texts[1].allSatisfy(\.isUppercase),
                let key = ShortKey(line.texts[0])
            else {
                diagnostics.append(Diagnostic(file: currencyFile.path, line: line.number, column: line.columns[0],
                    message: "expected '<symbol or word> <ISO 4217 code>'"))
                continue
            }
            currencies[key] = line.texts[1]
        }

        var emoticons: [[UInt8]] = []
        let emoticonFile = table("emoticons.map")
        for line in emoticonFile.lines {
            guard line.texts.count == 1 else {
                diagnostics.append(Diagnostic(file: emoticonFile.path, line: line.number, column: line.columns[0],
                    message: "expected one emoticon per line"))
                continue
            }
            emoticons.append(Array(line.texts[0].utf8))
        }

        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return TextResources(
            leetASCII: leet, numberWords: numbers, numberWordTexts: numberTexts, topLevelDomains: domains, mailProviders: providers,
            currencies: currencies,
            emoticons: emoticons,
            files: [leetFile, numberFile, domainFile, providerFile, currencyFile, emoticonFile].map(\.path))
    }

    /// Loads the tables from `Lexicons/text/` as found by ``ResourceLocator``.
    public static func loadDefault() throws(DiagnosticList) -> TextResources {
        guard let lexicons = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons/text", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(from: lexicons + "/text")
    }

    init(leetASCII: [UInt8], numberWords: [ShortKey: Int], numberWordTexts: [String], topLevelDomains: Set<ShortKey>,
         mailProviders: Set<ShortKey>, currencies: [ShortKey: String], emoticons: [[UInt8]], files: [String]) {
        self.mailProviders = mailProviders
        self.leetASCII = leetASCII
        self.numberWords = numberWords
        var shapes = [UInt64](repeating: 0, count: 16)
        for word in numberWordTexts {
            let bytes = Array(word.utf8)
            guard let first = bytes.first, let last = bytes.last else { continue }
            let shape = Self.shape(first: first, last: last, length: bytes.count)
            shapes[shape >> 6] |= 1 << UInt64(shape & 63)
        }
        self.numberWordShapes = shapes
        self.topLevelDomains = topLevelDomains
        self.currencies = currencies
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for emoticon in Set(emoticons) { buckets[Int(emoticon[0])].append(emoticon) }
        for i in buckets.indices { buckets[i].sort { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) } }
        self.emoticonsByFirstByte = buckets
        self.longestEmoticon = emoticons.map(\.count).max() ?? 0
        self.files = files
    }

    /// Whether some number word has this length and first letter: a cheap test before hashing.
    @inline(__always)
    func mayBeNumberWord<Bytes: Collection<UInt8>>(_ folded: Bytes) -> Bool where Bytes.Index == Int {
        let n = folded.count
        guard n > 0, n <= ShortKey.capacity else { return false }
        let shape = Self.shape(first: folded[folded.startIndex], last: folded[folded.startIndex + n - 1], length: n)
        return numberWordShapes[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }

    /// The value of a folded number word (`douze` → 12), if it is one.
    func numberWordValue<Bytes: Sequence<UInt8>>(_ folded: Bytes) -> Int? {
        guard let key = ShortKey(lowercasing: folded) else { return nil }
        return numberWords[key]
    }
}
