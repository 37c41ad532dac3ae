import ParleyText
import ParleyTone

/// Every phrase of the negotiation lexicons, compiled once: folded words interned to ids, phrases
/// indexed by their first word, longest first.
///
/// A message's units are looked up once (``wordIDs(of:into:)``), from their folded bytes; phrases
/// then compare small integers.
struct CueBook: Sendable {
    struct Phrase: Sendable {
        var words: [Int32]
        var cue: Cue
        var language: ToneLanguage
    }

    private(set) var vocabulary = WordIndex()
    private(set) var phrases: [Phrase] = []
    /// Indices into ``phrases`` by the id of their first word (an array indexed by id: no hashing
    /// per unit), longest phrase first.
    private var byFirstWord: [[Int32]] = []

    static let unknown = WordIndex.missing

    /// Adds a folded phrase ("d' accord"); returns false when it has no word.
    mutating func add(folded: String, cue: Cue, language: ToneLanguage) -> Bool {
        var words: [Int32] = []
        for word in folded.split(separator: " ") {
            let id = vocabulary.insert(String(word))
            if Int(id) == byFirstWord.count { byFirstWord.append([]) }
            words.append(id)
        }
        guard let first = words.first else { return false }
        let index = Int32(phrases.count)
        phrases.append(Phrase(words: words, cue: cue, language: language))
        byFirstWord[Int(first)].append(index)
        byFirstWord[Int(first)].sort { phrases[Int($0)].words.count > phrases[Int($1)].words.count }
        return true
    }

    /// The id of each folded unit of a message (``unknown`` for words no phrase uses).
    /// - Complexity: O(folded bytes); no allocation once `ids` has grown to the message's size.
    func wordIDs(of message: Message, into ids: inout [Int32]) {
        ids.removeAll(keepingCapacity: true)
        let bytes = message.folded.bytes
        for unit in message.folded.units { ids.append(vocabulary.id(of: bytes[unit.folded])) }
    }

    /// Every phrase found in a message (all lengths at each position, longest first).
    /// - Complexity: O(units × phrases sharing a first word); appends to `matches`.
    func matches(in words: [Int32], into matches: inout [CueMatch]) {
        matches.removeAll(keepingCapacity: true)
        for start in words.indices {
            let first = words[start]
            guard first != Self.unknown else { continue }
            for index in byFirstWord[Int(first)] {
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
