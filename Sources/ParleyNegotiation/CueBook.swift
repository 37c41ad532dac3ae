import ParleyText
import ParleyTone

/// Every phrase of the negotiation lexicons, compiled once: folded words interned to ids, phrases
/// indexed by their first word, longest first.
///
/// A message's units are looked up once (``wordIDs(of:into:)``); phrases then compare small
/// integers. Short folded words (up to 15 UTF-8 bytes) become Swift small strings for the lookup,
/// so nothing is allocated per unit.
struct CueBook: Sendable {
    struct Phrase: Sendable {
        var words: [Int32]
        var cue: Cue
        var language: ToneLanguage
    }

    private(set) var ids: [String: Int32] = [:]
    private(set) var phrases: [Phrase] = []
    /// Indices into ``phrases`` by the id of their first word, longest phrase first.
    private var byFirstWord: [Int32: [Int32]] = [:]

    static let unknown: Int32 = -1

    /// Adds a folded phrase ("d' accord"); returns false when it has no word.
    mutating func add(folded: String, cue: Cue, language: ToneLanguage) -> Bool {
        var words: [Int32] = []
        for word in folded.split(separator: " ") {
            let key = String(word)
            if let id = ids[key] {
                words.append(id)
            } else {
                let id = Int32(ids.count)
                ids[key] = id
                words.append(id)
            }
        }
        guard let first = words.first else { return false }
        let index = Int32(phrases.count)
        phrases.append(Phrase(words: words, cue: cue, language: language))
        var list = byFirstWord[first, default: []]
        list.append(index)
        list.sort { phrases[Int($0)].words.count > phrases[Int($1)].words.count }
        byFirstWord[first] = list
        return true
    }

    /// The id of each folded unit of a message (``unknown`` for words no phrase uses).
    /// - Complexity: O(units); no allocation once `ids` has grown to the message's size.
    func wordIDs(of message: Message, into ids: inout [Int32]) {
        ids.removeAll(keepingCapacity: true)
        let bytes = message.folded.bytes
        for unit in message.folded.units {
            let word = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[unit.folded]), as: UTF8.self) }
            ids.append(self.ids[word] ?? Self.unknown)
        }
    }

    /// Every phrase found in a message (all lengths at each position, longest first).
    /// - Complexity: O(units × phrases sharing a first word); appends to `matches`.
    func matches(in words: [Int32], into matches: inout [CueMatch]) {
        matches.removeAll(keepingCapacity: true)
        for start in words.indices {
            let first = words[start]
            guard first != Self.unknown, let list = byFirstWord[first] else { continue }
            for index in list {
                let phrase = phrases[Int(index)]
                let end = start + phrase.words.count
                guard end <= words.count else { continue }
                var equal = true
                var offset = 1
                while offset < phrase.words.count {
                    if words[start + offset] != phrase.words[offset] {
                        equal = false
                        break
                    }
                    offset += 1
                }
                if equal { matches.append(CueMatch(start: start, end: end, cue: phrase.cue, language: phrase.language)) }
            }
        }
    }
}
