import Foundation
import ParleyText

/// Everything moderation needs, compiled once from `Lexicons/`: the rule book, every lexicon entry
/// in one phrase automaton, the regexes, domain lists and brands.
///
/// Immutable and `Sendable`: one snapshot serves every ``Moderator``. A reload builds a new
/// snapshot and swaps it whole (``ModerationResourcesStore``); a snapshot that fails to build
/// reports every diagnostic and replaces nothing.
public final class ModerationResources: Sendable {
    public let rules: RuleBook
    /// Every phrase and regex entry; matches refer to these by index.
    public let entries: [LexiconEntry]
    public let domains: [DomainEntry]
    public let brands: [BrandEntry]
    public let emoji: [DomainEntry]
    /// Inline examples of the map files, for `parley lint`.
    public let examples: [LexiconExample]
    /// Warnings found while loading (duplicates…): the snapshot is usable.
    public let warnings: [Diagnostic]
    /// The files read.
    public let files: [String]
    /// The text tables the lexicons were folded with (moderators' segmenters must use the same).
    public let textResources: TextResources

    /// Every literal entry, and the regexes' anchor phrases: a match with entry ≥ `entries.count` is
    /// the anchor of regex `entry - entries.count`.
    let automaton: PhraseAutomaton
    /// Regexes without anchors, run on every message.
    let alwaysRunRegexes: [Int32]
    let regexEntries: [(entry: Int32, regex: LexiconRegex)]
    /// Symbol rules by index; `symbolIndex` maps names to it.
    let symbolRules: [SymbolRule]
    let symbolIndex: [String: Int32]
    let entrySymbols: [Int32]
    let domainIndex: HashIndex
    let domainSymbols: [Int32]
    let emojiIndex: HashIndex
    let emojiSymbols: [Int32]
    /// Multi-word literal entries written as one word (`send nudes` → `sendnudes`), for units the
    /// segmenter joined from spaced-out letters (`s e n d   n u d e s`).
    let joinedIndex: HashIndex
    /// Single exact words of phrase entries, for masked units (`sal*pe`): (bytes, entry).
    let maskTargets: [(bytes: [UInt8], entry: Int32)]
    let detectorSymbols: [Int32]
    /// Flat per-symbol and per-entry facts for the hot path (no struct copies, no string compares).
    let symbolWeights: [Double]
    /// Index into `rules.categories` of each symbol's category.
    let symbolCategories: [Int32]
    let symbolActions: [ModerationAction?]
    let categoryScored: [Bool]
    let categoryShown: [Bool]
    let entryWeights: [Double?]
    /// `file:line` of each entry, domain and emoji, and of each symbol's definition, made once.
    let entrySources: [String]
    let domainSources: [String]
    let emojiSources: [String]
    let symbolSources: [String]
    let symbolNames: [String]
    /// The lowest action threshold, and the thresholds ascending, read once from the rule book.
    let flagThreshold: Double
    let thresholds: [(action: ModerationAction, score: Double)]
    let categoryNames: [String]
    /// Descriptions of each symbol in French and English.
    let symbolDescriptions: (fr: [String], en: [String])
    let entryIsAllow: [Bool]
    let hasAllowEntries: Bool
    /// Symbols that are only counted (hidden, unscored categories: language hints), never placed.
    let symbolTallyOnly: [Bool]
    /// Composite rules in evaluation order, as symbol indices.
    let composites: [CompiledComposite]

    struct CompiledComposite: Sendable {
        var symbol: Int32
        var all: [Int32]
        var any: [Int32]
        var none: [Int32]
        var within: Int?
    }

    /// One input file: its path (for diagnostics) and text.
    public struct SourceFile: Sendable {
        public var path: String
        public var text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Loads `rules.yaml` and the `*.map` files its `lexicons:` patterns name, applying `local/`:
    /// `local/rules.yaml` overrides keys of `rules.yaml`, `local/<dir>/<name>.map` replaces the shipped
    /// file of the same path, and other local map files are added.
    /// - Parameter textResources: the folding tables; nil loads `directory/text`.
    /// - Throws: ``DiagnosticList`` with every error found, each with file:line:col.
    /// - Complexity: reads and compiles everything; about 1 µs per lexicon entry.
    public static func load(from directory: String, textResources: TextResources? = nil) throws(DiagnosticList) -> ModerationResources {
        let text: TextResources
        if let textResources {
            text = textResources
        } else {
            text = try TextResources.load(from: directory + "/text")
        }
        var diagnostics: [Diagnostic] = []
        func read(_ path: String) -> String? {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            guard let string = String(validatingUTF8Data: data) else {
                diagnostics.append(Diagnostic(file: path, message: "file is not valid UTF-8"))
                return nil
            }
            return string
        }
        var rulesFiles: [SourceFile] = []
        guard let rules = read(directory + "/rules.yaml") else {
            diagnostics.append(Diagnostic(file: directory + "/rules.yaml", message: "cannot read the rules file"))
            throw DiagnosticList(diagnostics)
        }
        rulesFiles.append(SourceFile(path: directory + "/rules.yaml", text: rules))
        if let local = read(directory + "/local/rules.yaml") {
            rulesFiles.append(SourceFile(path: directory + "/local/rules.yaml", text: local))
        }
        // Only the map files `lexicons:` names are moderation's (other modules keep maps beside them).
        var reader = RuleBookReader()
        for file in rulesFiles { reader.apply(file.text, path: file.path) }
        let patterns = reader.lexiconPatterns ?? []
        var mapPaths: [String: String] = [:]  // relative path → full path (local wins)
        for (root, isLocal) in [(directory, false), (directory + "/local", true)] {
            for relative in mapFiles(under: root, excluding: isLocal ? [] : ["text", "local"])
            where RuleBook.matches(relative, patterns: patterns) {
                mapPaths[relative] = root + "/" + relative
            }
        }
        var mapFiles: [SourceFile] = []
        for relative in mapPaths.keys.sorted() {
            let path = mapPaths[relative]!
            if let text = read(path) { mapFiles.append(SourceFile(path: path, text: text)) }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return try compile(rules: rulesFiles, maps: mapFiles, textResources: text)
    }

    /// The `*.map` files under a folder, as paths relative to it, one level of subfolders deep.
    static func mapFiles(under root: String, excluding: Set<String>) -> [String] {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: root) else { return [] }
        var result: [String] = []
        for folder in folders.sorted() where !excluding.contains(folder) && !folder.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root + "/" + folder, isDirectory: &isDirectory), isDirectory.boolValue,
                let names = try? manager.contentsOfDirectory(atPath: root + "/" + folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".map") { result.append(folder + "/" + name) }
        }
        return result
    }

    /// Compiles rules and map files given as text (what ``load(from:textResources:)`` does after reading).
    /// - Throws: ``DiagnosticList`` with every error.
    public static func compile(rules: [SourceFile], maps: [SourceFile], textResources: TextResources) throws(DiagnosticList) -> ModerationResources {
        var diagnostics: [Diagnostic] = []
        var book: RuleBook?
        do {
            book = try RuleBook.load(paths: rules.map(\.path), texts: rules.map(\.text))
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: textResources, limits: TextLimits())
        } catch {
            throw DiagnosticList(diagnostics + [Diagnostic(file: "Lexicons/text", message: "cannot open a segmenter: \(error)")])
        }
        let fold: LexiconFile.Fold = { text in segmenter.fold(text) }
        var files: [LexiconFile] = []
        for map in maps {
            let file = LexiconFile.parse(map.text, path: map.path, fold: fold)
            diagnostics.append(contentsOf: file.diagnostics)
            files.append(file)
        }
        guard let book else { throw DiagnosticList(diagnostics) }

        var symbolIndex: [String: Int32] = [:]
        var symbolRules: [SymbolRule] = []
        for name in book.symbolOrder {
            symbolIndex[name] = Int32(symbolRules.count)
            symbolRules.append(book.symbols[name]!)
        }
        for symbol in DetectorSymbol.allCases where symbolIndex[symbol.rawValue] == nil {
            diagnostics.append(Diagnostic(file: book.files.first ?? "rules.yaml",
                                          message: "symbol \(symbol.rawValue) used by a built-in detector is not declared in 'symbols'"))
        }
        var entries: [LexiconEntry] = []
        var entrySymbols: [Int32] = []
        var phrases: [(words: [PhraseWord], entry: Int32)] = []
        var regexes: [(entry: Int32, regex: LexiconRegex)] = []
        var domains: [DomainEntry] = []
        var domainKeys: [UInt64: Int32] = [:]
        var domainSymbols: [Int32] = []
        var brands: [BrandEntry] = []
        var emoji: [DomainEntry] = []
        var emojiKeys: [UInt64: Int32] = [:]
        var emojiSymbols: [Int32] = []
        var maskTargets: [(bytes: [UInt8], entry: Int32)] = []
        var joinedKeys: [UInt64: Int32] = [:]
        var examples: [LexiconExample] = []
        struct EntryKey: Hashable {
            var pattern: LexiconPattern
            var symbol: String
            var isAllow: Bool
        }
        let entryTotal = files.reduce(0) { $0 + $1.entries.count }
        var seen: [EntryKey: LexiconSource] = [:]
        seen.reserveCapacity(entryTotal)
        entries.reserveCapacity(entryTotal)
        entrySymbols.reserveCapacity(entryTotal)
        phrases.reserveCapacity(entryTotal)
        /// The index of a declared symbol, or nil with a diagnostic at `source`.
        func declared(_ name: String, at source: LexiconSource) -> Int32? {
            if let index = symbolIndex[name] { return index }
            diagnostics.append(Diagnostic(file: source.file, line: source.line, column: source.column,
                                          message: "unknown symbol \(name) (declare it in rules.yaml)"))
            return nil
        }
        /// Adds domain-like items (domains, emoji) keyed by their bytes; a repeat is a warning.
        func register(_ items: [DomainEntry], what: String, keys: inout [UInt64: Int32], into list: inout [DomainEntry],
                      symbols: inout [Int32]) {
            for item in items {
                guard let symbol = declared(item.symbol, at: item.source) else { continue }
                let key = WordHash.exact(Array(item.domain.utf8))
                if let first = keys[key] {
                    diagnostics.append(Diagnostic(file: item.source.file, line: item.source.line, column: item.source.column,
                                                  severity: .warning, message: "duplicate \(what) '\(item.domain)', first at \(list[Int(first)].source)"))
                    continue
                }
                keys[key] = Int32(list.count)
                list.append(item)
                symbols.append(symbol)
            }
        }
        for file in files {
            examples.append(contentsOf: file.examples)
            brands.append(contentsOf: file.brands.filter { declared($0.symbol, at: $0.source) != nil })
            for entry in file.entries {
                // A bad regex is reported even when its symbol is unknown too.
                var compiled: LexiconRegex?
                if case .regex(let pattern, let flags) = entry.pattern {
                    let column = entry.source.column + (entry.isAllow ? 1 : 0)
                    do {
                        compiled = try LexiconRegex(pattern: pattern, flags: flags,
                                                    source: LexiconSource(file: entry.source.file, line: entry.source.line, column: column))
                    } catch {
                        diagnostics.append(error)
                    }
                }
                guard let symbol = declared(entry.symbol, at: entry.source) else { continue }
                let key = EntryKey(pattern: entry.pattern, symbol: entry.symbol, isAllow: entry.isAllow)
                if let first = seen[key] {
                    let text = (entry.isAllow ? "!" : "") + entry.pattern.text + " = " + entry.symbol
                    diagnostics.append(Diagnostic(file: entry.source.file, line: entry.source.line, column: entry.source.column,
                                                  severity: .warning, message: "duplicate entry '\(text)', first at \(first)"))
                    continue
                }
                seen[key] = entry.source
                let index = Int32(entries.count)
                switch entry.pattern {
                case .phrase(let words):
                    phrases.append((words, index))
                    if words.count == 1, !words[0].isPrefix, !words[0].isSuffix, !entry.isAllow, words[0].bytes.count >= 3 {
                        maskTargets.append((words[0].bytes, index))
                    }
                    if words.count > 1, !entry.isAllow, words.allSatisfy({ !$0.isPrefix && !$0.isSuffix }) {
                        let joined = words.flatMap(\.bytes)
                        if joined.count >= 5, joinedKeys[WordHash.exact(joined)] == nil { joinedKeys[WordHash.exact(joined)] = index }
                    }
                case .regex:
                    guard let compiled else { continue }
                    regexes.append((index, compiled))
                }
                entries.append(entry)
                entrySymbols.append(symbol)
            }
            register(file.domains, what: "domain", keys: &domainKeys, into: &domains, symbols: &domainSymbols)
            register(file.emoji, what: "emoji", keys: &emojiKeys, into: &emoji, symbols: &emojiSymbols)
        }
        var composites: [CompiledComposite] = []
        for (index, rule) in symbolRules.enumerated() where rule.isComposite {
            func ids(_ names: [String]) -> [Int32] { names.compactMap { symbolIndex[$0] } }
            composites.append(CompiledComposite(symbol: Int32(index), all: ids(rule.all), any: ids(rule.any), none: ids(rule.none), within: rule.within))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return ModerationResources(
            rules: book, entries: entries, domains: domains, brands: brands, emoji: emoji, examples: examples,
            warnings: diagnostics, files: book.files + maps.map(\.path), textResources: textResources,
            phrases: phrases, regexEntries: regexes, symbolRules: symbolRules,
            symbolIndex: symbolIndex, entrySymbols: entrySymbols, domainIndex: HashIndex(domainKeys),
            domainSymbols: domainSymbols, emojiIndex: HashIndex(emojiKeys), emojiSymbols: emojiSymbols, maskTargets: maskTargets,
            joinedIndex: HashIndex(joinedKeys),
            detectorSymbols: DetectorSymbol.allCases.map { symbolIndex[$0.rawValue]! }, composites: composites)
    }

    init(rules: RuleBook, entries: [LexiconEntry], domains: [DomainEntry], brands: [BrandEntry], emoji: [DomainEntry], examples: [LexiconExample],
         warnings: [Diagnostic], files: [String], textResources: TextResources, phrases: [(words: [PhraseWord], entry: Int32)],
         regexEntries: [(entry: Int32, regex: LexiconRegex)], symbolRules: [SymbolRule], symbolIndex: [String: Int32],
         entrySymbols: [Int32], domainIndex: HashIndex, domainSymbols: [Int32], emojiIndex: HashIndex, emojiSymbols: [Int32],
         maskTargets: [(bytes: [UInt8], entry: Int32)], joinedIndex: HashIndex, detectorSymbols: [Int32],
         composites: [CompiledComposite]) {
        self.rules = rules
        self.entries = entries
        self.domains = domains
        self.brands = brands
        self.emoji = emoji
        self.emojiIndex = emojiIndex
        self.emojiSymbols = emojiSymbols
        self.maskTargets = maskTargets
        self.joinedIndex = joinedIndex
        self.examples = examples
        self.warnings = warnings
        self.files = files
        self.textResources = textResources
        self.regexEntries = regexEntries
        var anchorPhrases: [(words: [PhraseWord], entry: Int32)] = []
        var always: [Int32] = []
        for (index, item) in regexEntries.enumerated() {
            if let anchors = item.regex.anchors {
                for anchor in anchors { anchorPhrases.append((anchor, Int32(index))) }
            } else {
                always.append(Int32(index))
            }
        }
        self.automaton = PhraseAutomaton(phrases: phrases + anchorPhrases.map { ($0.words, $0.entry + Int32(entries.count)) })
        self.alwaysRunRegexes = always
        self.symbolRules = symbolRules
        self.symbolIndex = symbolIndex
        self.entrySymbols = entrySymbols
        self.domainIndex = domainIndex
        self.domainSymbols = domainSymbols
        self.detectorSymbols = detectorSymbols
        self.composites = composites
        self.symbolWeights = symbolRules.map(\.weight)
        self.symbolCategories = symbolRules.map { rule in Int32(rules.categories.firstIndex { $0.name == rule.category } ?? 0) }
        self.symbolActions = symbolRules.map(\.action)
        self.categoryScored = rules.categories.map(\.scored)
        self.categoryShown = rules.categories.map(\.shown)
        self.entryWeights = entries.map(\.weight)
        self.entrySources = entries.map(\.source.description)
        self.domainSources = domains.map(\.source.description)
        self.emojiSources = emoji.map(\.source.description)
        self.symbolSources = symbolRules.map(\.source.description)
        self.symbolNames = symbolRules.map(\.name)
        self.flagThreshold = rules.flagThreshold
        self.thresholds = rules.thresholds
        self.categoryNames = rules.categories.map(\.name)
        self.symbolDescriptions = (symbolRules.map { $0.description(for: "fr") }, symbolRules.map { $0.description(for: "en") })
        self.entryIsAllow = entries.map(\.isAllow)
        self.hasAllowEntries = entries.contains { $0.isAllow }
        self.symbolTallyOnly = symbolRules.map { rule in
            guard let category = rules.category(named: rule.category) else { return false }
            return !category.scored && !category.shown
        }
    }

    /// Loads the bundled `Lexicons/` found by ``ResourceLocator``.
    public static func loadDefault() throws(DiagnosticList) -> ModerationResources {
        guard let directory = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(from: directory)
    }
}

extension String {
    /// Decodes UTF-8 data, nil when it is not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        guard let string = String(bytes: data, encoding: .utf8) else { return nil }
        self = string
    }
}
