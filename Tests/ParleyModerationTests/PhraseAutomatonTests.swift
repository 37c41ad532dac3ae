import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("PhraseAutomaton")
struct PhraseAutomatonTests {
    func words(_ text: String) -> [PhraseWord] {
        text.split(separator: " ").map { word in
            var core = Substring(word)
            let prefix = core.hasSuffix("*")
            let suffix = core.hasPrefix("*")
            if prefix { core = core.dropLast() }
            if suffix { core = core.dropFirst() }
            return PhraseWord(bytes: Array(core.utf8), isPrefix: prefix, isSuffix: suffix)
        }
    }

    func matches(_ patterns: [String], in text: String) -> [(Int32, Range<Int32>)] {
        let automaton = PhraseAutomaton(phrases: patterns.enumerated().map { (words($0.element), Int32($0.offset)) })
        let message = try! Fixtures.segmenter().read(text)
        var scratch = PhraseAutomaton.Scratch()
        var found: [PhraseAutomaton.Match] = []
        automaton.matches(in: message.folded, scratch: &scratch, into: &found)
        return found.map { ($0.entry, $0.units) }
    }

    @Test("whole words only: con does not match concert")
    func wholeWords() {
        #expect(matches(["con"], in: "Super concert, contrat signé").isEmpty)
        #expect(matches(["con"], in: "Ce con de GPS").map(\.0) == [0])
    }

    @Test("multi-word phrases, prefixes and suffixes")
    func phrases() {
        let found = matches(["western union", "carte* cadeau*", "*coin", "frais de dossier"],
                            in: "Paye en cartes cadeaux ou Western Union, sinon en bitcoin. Frais de dossier : 150€")
        #expect(Set(found.map(\.0)) == [0, 1, 2, 3])
        let western = found.first { $0.0 == 0 }!
        #expect(western.1.count == 2)
    }

    @Test("overlapping phrases all match")
    func overlapping() {
        let found = matches(["ta gueule", "ferme ta gueule", "gueule"], in: "ferme ta gueule")
        #expect(Set(found.map(\.0)) == [0, 1, 2])
    }

    /// A distinct letters-only word per number ("badi…"), never three equal letters in a row.
    static func syllables(_ number: Int) -> String {
        let table = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"]
        return String(number).map { table[Int(String($0))!] }.joined()
    }

    @Test("100,000 entries compile and still match exactly")
    func large() {
        var phrases: [(words: [PhraseWord], entry: Int32)] = []
        for index in 0..<100_000 {
            phrases.append(([PhraseWord(bytes: Array(Self.syllables(index).utf8)), PhraseWord(bytes: Array("suite".utf8))], Int32(index)))
        }
        let automaton = PhraseAutomaton(phrases: phrases)
        #expect(automaton.entryCount == 100_000)
        let message = try! Fixtures.segmenter().read("blabla \(Self.syllables(77777)) suite et \(Self.syllables(5)) pas")
        var scratch = PhraseAutomaton.Scratch()
        var found: [PhraseAutomaton.Match] = []
        automaton.matches(in: message.folded, scratch: &scratch, into: &found)
        #expect(found.map(\.entry) == [77777])
    }
}
