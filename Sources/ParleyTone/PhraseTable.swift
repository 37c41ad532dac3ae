/// Where an entry of a lexicon comes from, so a report can say which line fired.
public struct LexiconSource: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// Phrases of folded words (sequences of ``WordTable`` ids) with a payload each, collected while a
/// lexicon file is read; ``PhraseTable`` is its compiled, immutable form.
struct PhraseTableBuilder<Payload: Sendable> {
    typealias Entry = PhraseTable<Payload>.Entry

    private(set) var entries: [Entry] = []
    /// Entry indices by first word.
    private(set) var byFirstWord: [Int32: [Int32]] = [:]

    /// Adds a phrase; returns the entry it duplicates, if any (the new one replaces it).
    @discardableResult
    mutating func add(words: [Int32], payload: Payload, source: LexiconSource) -> Entry? {
        guard let first = words.first else { return nil }
        var list = byFirstWord[first] ?? []
        for index in list where entries[Int(index)].words == words {
            let old = entries[Int(index)]
            entries[Int(index)] = Entry(words: words, payload: payload, source: source)
            return old
        }
        entries.append(Entry(words: words, payload: payload, source: source))
        list.append(Int32(entries.count - 1))
        byFirstWord[first] = list
        return nil
    }
}

/// Phrases of folded words with a payload each, matched longest-first at a position of a message's
/// units. Flat arrays indexed by word id: a look-up hashes nothing. A class with constant storage,
/// so the analysis passes tables around with one retain and no exclusivity checks.
final class PhraseTable<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var words: [Int32]
        var payload: Payload
        var source: LexiconSource
    }

    let entries: [Entry]
    /// For first word id `w`, candidates are `candidates[firstStarts[w]..<firstStarts[w + 1]]`,
    /// longest phrase first.
    private let firstStarts: [Int32]
    private let candidates: [Int32]
    /// The words of every entry, back to back, and where each entry's words start.
    private let pool: [Int32]
    private let poolStarts: [Int32]

    var isEmpty: Bool { entries.isEmpty }

    /// An empty table.
    convenience init() { self.init(PhraseTableBuilder<Payload>()) }

    /// Compiles the phrases of a builder.
    /// - Complexity: O(entries × log entries).
    init(_ builder: PhraseTableBuilder<Payload>) {
        let entries = builder.entries
        var pool: [Int32] = []
        var poolStarts: [Int32] = [0]
        for entry in entries {
            pool.append(contentsOf: entry.words)
            poolStarts.append(Int32(pool.count))
        }
        let largest = Int(builder.byFirstWord.keys.max() ?? -1)
        var firstStarts = [Int32](repeating: 0, count: largest + 2)
        var candidates: [Int32] = []
        if largest >= 0 {
            for word in 0...largest {
                firstStarts[word] = Int32(candidates.count)
                if let list = builder.byFirstWord[Int32(word)] {
                    // Longest first, then file order, so the longest phrase wins.
                    candidates.append(
                        contentsOf: list.sorted {
                            let (a, b) = (entries[Int($0)].words.count, entries[Int($1)].words.count)
                            return a != b ? a > b : $0 < $1
                        })
                }
            }
        }
        firstStarts[firstStarts.count - 1] = Int32(candidates.count)
        self.entries = entries
        self.pool = pool
        self.poolStarts = poolStarts
        self.firstStarts = firstStarts
        self.candidates = candidates
    }

    /// The longest entry whose words start at `position` of `ids`.
    /// - Complexity: O(number of phrases starting with that word × their length); no allocation.
    func match(_ ids: [Int32], at position: Int) -> (entry: Int, length: Int)? {
        let first = Int(ids[position])
        guard first >= 0, first + 1 < firstStarts.count else { return nil }
        var candidate = Int(firstStarts[first])
        let end = Int(firstStarts[first + 1])
        while candidate < end {
            let entry = Int(candidates[candidate])
            let start = Int(poolStarts[entry])
            let length = Int(poolStarts[entry + 1]) - start
            if position + length <= ids.count {
                var offset = 1
                while offset < length && ids[position + offset] == pool[start + offset] { offset += 1 }
                if offset == length { return (entry, length) }
            }
            candidate += 1
        }
        return nil
    }

    subscript(entry: Int) -> Entry { entries[entry] }

    /// Whether some phrase starts with `word` (used to build ``PhraseStarts``). O(1).
    func startsPhrase(_ word: Int32) -> Bool {
        let first = Int(word)
        return first >= 0 && first + 1 < firstStarts.count && firstStarts[first] < firstStarts[first + 1]
    }
}

extension PhraseTable {
    /// Walks the units left to right and, at each position, takes the longest phrase of this table,
    /// else of `fallback` (the other language's table), calling `body` with the entry and the units
    /// it covers; matches do not overlap. Units whose `starts` mask has none of `bits` (the bits of
    /// this table and of the fallback in ``PhraseStarts``) are skipped without a look-up.
    /// - Complexity: O(units × phrases per word); no allocation.
    func scan(
        _ ids: [Int32], starts: [UInt16], bits: UInt16, fallback: PhraseTable<Payload>?,
        _ body: (Entry, Range<Int>) -> Void
    ) {
        var position = 0
        while position < ids.count {
            if starts[position] & bits == 0 {
                position += 1
            } else if let match = match(ids, at: position) {
                body(self[match.entry], position..<(position + match.length))
                position += match.length
            } else if let fallback, let match = fallback.match(ids, at: position) {
                body(fallback[match.entry], position..<(position + match.length))
                position += match.length
            } else {
                position += 1
            }
        }
    }
}
