import ParleyModeration
import ParleyText
import ParleyTone

/// Reads what a received message asks and suggests three replies that differ in move (answer, ask
/// back, discuss, share, defer…), in the message's language and register, with the caller's facts
/// filled in and the unknown ones left visible (`[CACHET]`).
///
/// Holds reusable buffers, so it is not `Sendable`: use one per task or thread, over one shared
/// ``ReplyResources`` snapshot. Reads the ``ParleyText/Message`` the other stages read (no
/// re-tokenizing) and the register ParleyTone found in it.
///
/// Suggest replies only for messages moderation delivers: the engine reads intent, not intent to
/// harm, and a scam asking for a "fee" is still a fee question to it.
///
/// Replies never parrot the message: a reply text that shares ``ReplyHeuristics/echoRun``
/// consecutive words with it gives way to the slot's next alternative.
public final class SmartReplies {
    public let resources: ReplyResources
    private var scratch = PhraseAutomaton.Scratch()
    private var matches: [PhraseAutomaton.Match] = []
    private var kept: [PhraseAutomaton.Match] = []
    private var scores: [Double]
    /// Folded word hashes of the message being answered, and one row of the common-run table.
    private var messageWords: [UInt64] = []
    private var runRow: [Int] = []

    /// - Complexity: O(1); buffers grow on first use and are then reused.
    public init(resources: ReplyResources) {
        self.resources = resources
        scores = Array(repeating: 0, count: ReplyIntent.allCases.count)
    }

    /// The intent of a message, from the cues of both languages.
    /// - Complexity: O(units × longest cue); no allocation once the buffers and `reading` have grown.
    public func read(_ message: Message, into reading: inout IntentReading) {
        typealias H = IntentHeuristics
        reading.reset()
        matches.removeAll(keepingCapacity: true)
        resources.cues.automaton.matches(in: message.folded, scratch: &scratch, into: &matches)
        // Longest phrase wins: "pas disponible" (refusal) hides the "disponible" (availability) inside it.
        matches.sort { $0.units.lowerBound != $1.units.lowerBound ? $0.units.lowerBound < $1.units.lowerBound : $0.units.count > $1.units.count }
        kept.removeAll(keepingCapacity: true)
        var coverEnd: Int32 = -1
        for match in matches {
            if match.units.upperBound <= coverEnd { continue }
            if kept.contains(where: { $0.entry == match.entry }) { continue }
            kept.append(match)
            coverEnd = max(coverEnd, match.units.upperBound)
        }
        var scores: [Double] = []
        swap(&scores, &self.scores)
        defer { swap(&scores, &self.scores) }
        for index in scores.indices { scores[index] = 0 }
        let units = message.folded.units
        let entries = resources.cues.entries
        for match in kept {
            let entry = entries[Int(match.entry)]
            let courtesy = entry.intent == .greeting || entry.intent == .thanks
            scores[entry.intentIndex] += entry.weight * (courtesy ? H.courtesyFactor : 1)
            let span = units[Int(match.units.lowerBound)].span.union(units[Int(match.units.upperBound) - 1].span)
            reading.cues.append(IntentReading.Cue(intent: entry.intent, span: span, weight: entry.weight, source: entry.source))
        }
        var total = 0.0
        var best = -1
        for (index, score) in scores.enumerated() where score > 0 {
            total += score
            reading.scores.append((ReplyIntent.ordered[index], score))
            if best < 0 || score > scores[best] { best = index }
        }
        guard best >= 0 else { return }
        reading.scores.sort { $0.score > $1.score }
        let top = scores[best]
        reading.intent = ReplyIntent.ordered[best]
        reading.confidence = (top / total) * min(1, top / H.sureWeight)
    }

    /// Suggests three replies to a message, written in `language` and `register`.
    /// - Complexity: O(units × longest cue + length of the replies); no allocation once `set` has grown.
    public func suggest(
        for message: Message, language: ReplyLanguage, register: ReplyRegister, values: PlaceholderValues, into set: inout ReplySet
    ) {
        set.reset()
        read(message, into: &set.reading)
        set.language = language
        set.register = register
        set.catalog = values.catalog
        var hashes: [UInt64] = []
        swap(&hashes, &messageWords)
        hashes.removeAll(keepingCapacity: true)
        let folded = message.folded
        folded.bytes.withUnsafeBufferPointer { bytes in
            for unit in folded.units { hashes.append(WordHashing.hash(bytes, unit.folded)) }
        }
        swap(&hashes, &messageWords)
        let registerIndex = register == .tu ? 0 : 1
        for slot in resources.replies(language).slots(for: set.reading.intent) {
            // The first alternative that does not parrot the message; if all do, the one that parrots least.
            let alternatives = slot.texts[registerIndex]
            var chosen = 0
            var shortest = Int.max
            for (index, text) in alternatives.enumerated() {
                let run = longestCommonRun(text.words)
                if run < shortest {
                    shortest = run
                    chosen = index
                }
                if run < ReplyHeuristics.echoRun { break }
            }
            let start = set.bytes.count
            let unfilledStart = set.unfilledIDs.count
            alternatives[chosen].render(values: values, into: &set.bytes, unfilled: &set.unfilledIDs)
            set.replies.append(Reply(
                move: slot.move, range: start..<set.bytes.count, unfilledRange: unfilledStart..<set.unfilledIDs.count,
                source: slot.sources[registerIndex][chosen]))
        }
    }

    /// The longest run of consecutive words a reply text shares with the message (dynamic
    /// programming over one reused row). O(reply words × message words), no allocation once grown.
    private func longestCommonRun(_ words: [UInt64]) -> Int {
        let count = messageWords.count
        guard count > 0, !words.isEmpty else { return 0 }
        // Work on local buffers: class properties in the inner loop would pay an exclusivity check per access.
        var row: [Int] = []
        swap(&row, &runRow)
        defer { swap(&row, &runRow) }
        if row.count < count + 1 { row = Array(repeating: 0, count: count + 1) }
        let message = messageWords
        return row.withUnsafeMutableBufferPointer { row in
            message.withUnsafeBufferPointer { message in
                words.withUnsafeBufferPointer { words in
                    for index in 0...count { row[index] = 0 }
                    var longest = 0
                    for word in words {
                        // Right to left, so row[j - 1] still holds the previous reply word's value.
                        var j = count
                        while j > 0 {
                            if message[j - 1] == word {
                                let run = row[j - 1] + 1
                                row[j] = run
                                if run > longest { longest = run }
                            } else {
                                row[j] = 0
                            }
                            j -= 1
                        }
                    }
                    return longest
                }
            }
        }
    }

    /// Suggests three replies in the language and register ParleyTone read in the message.
    /// - Complexity: as ``suggest(for:language:register:values:into:)``.
    public func suggest(for message: Message, tone: ToneReport, values: PlaceholderValues, into set: inout ReplySet) {
        suggest(for: message, language: tone.language, register: ReplyRegister(answering: tone.formality), values: values, into: &set)
    }

    /// Convenience that returns a new set (allocates it).
    public func suggest(for message: Message, tone: ToneReport, values: PlaceholderValues) -> ReplySet {
        var set = ReplySet()
        suggest(for: message, tone: tone, values: values, into: &set)
        return set
    }
}

/// Named constants of reply choice.
public enum ReplyHeuristics {
    /// A reply sharing this many consecutive words with the received message repeats it; shorter
    /// runs are the trade's own terms ("fiche technique", "the payment terms").
    public static let echoRun = 5
}
