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

/// Phrases of folded words (sequences of ``WordTable`` ids) with a payload each, matched
/// longest-first at a position of a message's units.
struct PhraseTable<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var words: [Int32]
        var payload: Payload
        var source: LexiconSource
    }

    private(set) var entries: [Entry] = []
    /// Entry indices by first word, longest phrase first.
    private var byFirstWord: [Int32: [Int32]] = [:]

    var isEmpty: Bool { entries.isEmpty }

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
        list.sort { entries[Int($0)].words.count > entries[Int($1)].words.count }
        byFirstWord[first] = list
        return nil
    }

    /// The longest entry whose words start at `position` of `ids`.
    /// - Complexity: O(number of phrases starting with that word × their length); no allocation.
    func match(_ ids: [Int32], at position: Int) -> (entry: Int, length: Int)? {
        let first = ids[position]
        guard first >= 0, let candidates = byFirstWord[first] else { return nil }
        for candidate in candidates {
            let words = entries[Int(candidate)].words
            guard position + words.count <= ids.count else { continue }
            var same = true
            var offset = 1
            while offset < words.count {
                if ids[position + offset] != words[offset] { same = false; break }
                offset += 1
            }
            if same { return (Int(candidate), words.count) }
        }
        return nil
    }

    subscript(entry: Int) -> Entry { entries[entry] }
}

extension PhraseTable {
    /// Walks the units left to right and, at each position, takes the longest phrase of this table,
    /// else of `fallback` (the other language's table), calling `body` with the entry and the units
    /// it covers; matches do not overlap.
    /// - Complexity: O(units × phrases per word); no allocation.
    func scan(_ ids: [Int32], fallback: PhraseTable<Payload>, _ body: (Entry, Range<Int>) -> Void) {
        var position = 0
        while position < ids.count {
            if let match = match(ids, at: position) {
                body(self[match.entry], position..<(position + match.length))
                position += match.length
            } else if let match = fallback.match(ids, at: position) {
                body(fallback[match.entry], position..<(position + match.length))
                position += match.length
            } else {
                position += 1
            }
        }
    }
}
