import CICUBaseline
import ParleyTesting
import ParleyText

/// A measured piece of work over a fixed list of items (messages, prefixes…).
///
/// Each workload is paired with a baseline over the same items — raw ICU word break — so that
/// `Scripts/bench-ratios.sh` reports a ratio rather than a machine-dependent count. Workloads keep
/// their state in stored properties (not in closure captures, whose boxes and exclusivity checks
/// would be measured too).
protocol Workload {
    /// How many items one pass covers.
    var count: Int { get }
    /// Runs the work on item `index` and returns a checksum, so that nothing is optimized away.
    mutating func run(_ index: Int) throws -> Int
}

/// Raw ICU word break over UTF-8, the rule status read at each boundary: every baseline.
struct ICUWordBreak: Workload {
    let items: [[UInt8]]
    let breaker = parley_baseline_open()

    var count: Int { items.count }

    func run(_ index: Int) -> Int {
        items[index].withUnsafeBufferPointer { Int(parley_baseline_count_words(breaker, $0.baseAddress, Int32($0.count))) }
    }
}

/// ParleyText: validation, NFC, typed tokens with spans, folded view.
struct TokenizeFold: Workload {
    let items: [[UInt8]]
    let segmenter = Fixtures.segmenter()
    var message = Message()

    var count: Int { items.count }

    mutating func run(_ index: Int) throws -> Int {
        try segmenter.read(items[index], into: &message)
        return message.folded.units.count
    }
}

/// ParleyText without the folded view: validation, NFC, typed tokens with spans and flags.
struct Tokenize: Workload {
    let items: [[UInt8]]
    let segmenter = Fixtures.segmenter()
    var message = Message()

    var count: Int { items.count }

    mutating func run(_ index: Int) throws -> Int {
        try segmenter.read(items[index], into: &message, folding: false)
        return message.tokens.count
    }
}

/// Folding lexicon entries (`Segmenter.fold`), as a lexicon compiler does for every entry.
struct FoldEntries: Workload {
    let entries: [String]
    let segmenter = Fixtures.segmenter()

    var count: Int { entries.count }

    func run(_ index: Int) -> Int { segmenter.fold(entries[index]).utf8.count }
}

/// The inputs workloads share.
enum WorkloadInput {
    /// The 300 messages of the development chat set.
    static let messages: [[UInt8]] = Fixtures.devChat.map { Array($0.text.utf8) }

    /// `items` read by a segmenter, for the workloads that measure what comes after segmentation.
    static func segmented(_ items: [[UInt8]]) throws -> [Message] {
        let segmenter = Fixtures.segmenter()
        return try items.map { try segmenter.read($0) }
    }

    /// Lexicon-like entries: short phrases, accents, hyphens, an elision, a leet word.
    static let entries: [String] = [
        "frais de dossier", "Western Union", "carte PCS", "café-concert", "fiche technique", "l'arnaque",
        "vérifiez votre compte", "s3xy", "mise en demeure", "sound-check", "WhatsApp", "prépayée",
    ]

    /// The same entries as bytes, for their ICU baseline.
    static let entryBytes: [[UInt8]] = entries.map { Array($0.utf8) }
}

/// Every workload, by name; each module adds its own in a `Workloads+Module.swift` file.
enum Workloads {
    static let all: [String: WorkloadFactory] = {
        var table: [String: WorkloadFactory] = [
            "icu-word-break": { ICUWordBreak(items: WorkloadInput.messages) },
            "tokenize-fold": { TokenizeFold(items: WorkloadInput.messages) },
            "tokenize": { Tokenize(items: WorkloadInput.messages) },
            "icu-word-break-entries": { ICUWordBreak(items: WorkloadInput.entryBytes) },
            "fold-entries": { FoldEntries(entries: WorkloadInput.entries) },
        ]
        for (name, make) in vocabulary.merging(tone, uniquingKeysWith: { first, _ in first }) { table[name] = make }
        for (name, make) in moderation { table[name] = make }
        for (name, make) in language { table[name] = make }
        for (name, make) in replies { table[name] = make }
        for (name, make) in glossary { table[name] = make }
        for (name, make) in negotiation { table[name] = make }
        for (name, make) in assist { table[name] = make }
        for (name, make) in translation { table[name] = make }
        return table
    }()
}

/// Builds a workload (loading what it needs) when it is asked for by name.
typealias WorkloadFactory = @Sendable () throws -> any Workload
