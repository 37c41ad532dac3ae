import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyVocabulary

@Suite("Vocabulary completion")
struct VocabularyTests {
    let french = VocabularyFixtures.french
    let english = VocabularyFixtures.english

    @Test("the bundled vocabularies load without errors and have 200+ genres")
    func bundledVocabulary() {
        for vocabulary in [french, english] {
            #expect(vocabulary.warnings.allSatisfy { $0.severity != .error })
            let genres = vocabulary.entries.filter { $0.kind == .genre }
            #expect(genres.count >= 200)
            for kind in VocabularyKind.allCases {
                #expect(vocabulary.entries.contains { $0.kind == kind }, "no \(kind) in \(vocabulary.language)")
            }
        }
    }

    @Test("accents, case, hyphens and spaces are ignored", arguments: [
        ("cafe con", "café-concert"), ("CAFÉ-CONC", "café-concert"), ("cafeconc", "café-concert"),
        ("scene nat", "scène nationale"), ("zenith", "Zénith"), ("salle des fe", "salle des fêtes"),
        ("fiche tech", "fiche technique"), ("cabl", "câblage"), ("regie", "régie"),
    ])
    func foldingEquivalences(prefix: String, expected: String) {
        let texts = french.complete(prefix).map(\.text)
        #expect(texts.contains(expected), "\(prefix) → \(texts)")
    }

    @Test("spelling variants complete to the canonical form")
    func variants() {
        for prefix in ["hiphop", "hip hop", "hip-hop"] {
            #expect(french.complete(prefix).first?.text == "hip-hop", "\(prefix)")
        }
        let rapFr = french.complete("rap fr")
        #expect(rapFr.first?.text == "rap français")
        #expect(rapFr.first?.matched == "rap fr")
        #expect(french.complete("electro").map(\.text).contains("électro"))
        #expect(french.complete("sm58").first?.text == "Shure SM58")
        #expect(french.complete("sm58").first?.kind == .equipment)
        #expect(french.complete("cdj 3").first?.text == "Pioneer CDJ-3000")
        #expect(french.complete("jcm8").first?.text == "Marshall JCM800")
        #expect(english.complete("drum n b").first?.text == "drum and bass")
    }

    @Test("kinds come with the suggestions")
    func kinds() {
        #expect(french.complete("soundch").first.map { ($0.text, $0.kind) }! == ("soundcheck", .technical))
        #expect(french.complete("smac").first.map { ($0.text, $0.kind) }! == ("SMAC", .venue))
        #expect(french.complete("jazz manou").first.map { ($0.text, $0.kind) }! == ("jazz manouche", .genre))
    }

    @Test("one edit is tolerated from four characters on, and ranks after exact prefixes")
    func typos() {
        // substitution, deletion, insertion, transposition
        for typo in ["soumdcheck", "sondcheck", "sounddcheck", "suondcheck", "backilne", "zenoth"] {
            let results = french.complete(typo)
            #expect(results.contains { $0.distance == 1 && ($0.text == "soundcheck" || $0.text == "backline" || $0.text == "Zénith") },
                    "\(typo) → \(results.map(\.text))")
        }
        // Too short for typos: "bqc" is not "bac".
        #expect(french.complete("bqc").isEmpty)
        // The first letter is trusted: "voundcheck" is not "soundcheck".
        #expect(!french.complete("voundcheck").contains { $0.text == "soundcheck" })
        // Two edits are too many.
        #expect(!french.complete("sunodchekc").contains { $0.text == "soundcheck" })
        // Exact prefix matches come before typo matches.
        let results = french.complete("rock")
        let firstTypo = results.firstIndex { $0.distance == 1 } ?? results.count
        #expect(results[..<firstTypo].allSatisfy { $0.distance == 0 })
        #expect(results[firstTypo...].allSatisfy { $0.distance == 1 })
        #expect(results.first?.text == "rock")
    }

    @Test("ranking follows weight, and recent usage lifts the user's own terms")
    func ranking() {
        let plain = french.complete("ja")
        #expect(plain.first?.text == "jazz")
        #expect(zip(plain, plain.dropFirst()).allSatisfy { $0.distance < $1.distance || $0.score >= $1.score })
        let recent = french.recentUsage(["jazz vocal", "jazz vocal", "SMAC"])
        #expect(recent.count == 2)
        let boosted = french.complete("ja", recent: recent)
        #expect(boosted.first?.text == "jazz vocal")
        #expect(boosted.first?.recentlyUsed == true)
        #expect(!plain.prefix(3).contains { $0.text == "jazz vocal" })
        // Usage resolved against another vocabulary is ignored.
        let foreign = english.recentUsage(["jazz standards"])
        #expect(french.complete("ja", recent: foreign) == plain)
        // Unknown terms are ignored.
        #expect(french.recentUsage(["pas un terme du métier"]).count == 0)
    }

    @Test("at most ten suggestions, and the limit is honoured")
    func limits() {
        for prefix in ["r", "ro", "m", "pop", "tech"] {
            #expect(french.complete(prefix).count == 10)
            #expect(french.complete(prefix, limit: 3).count == 3)
            #expect(french.complete(prefix, limit: 50).count == 10)
            #expect(french.complete(prefix, limit: 0).count == 1)
        }
        #expect(french.complete("").isEmpty)
        #expect(french.complete("  - ").isEmpty)
        #expect(french.complete("xqzxqzxqz").isEmpty)
    }

    @Test("suggestions are distinct entries")
    func distinct() {
        for prefix in ["hip", "electro", "cdj", "rap", "dj"] {
            let texts = french.complete(prefix).map { "\($0.kind)|\($0.text)" }
            #expect(Set(texts).count == texts.count, "\(prefix) → \(texts)")
        }
    }

    @Test("a small vocabulary built from entries completes exhaustively")
    func builtFromEntries() {
        let vocabulary = Vocabulary(entries: [
            VocabularyEntry(kind: .venue, canonical: "café-concert", variants: ["caf'conc"], weight: 50),
            VocabularyEntry(kind: .genre, canonical: "cafe racer rock", weight: 5),
            VocabularyEntry(kind: .venue, canonical: "Café-Concert", variants: ["cafconc"], weight: 80),
        ], segmenter: Fixtures.segmenter())
        #expect(vocabulary.entries.count == 2)
        #expect(vocabulary.entries[0].weight == 80)
        #expect(vocabulary.entries[0].canonical == "Café-Concert")
        #expect(vocabulary.entries[0].variants == ["cafconc", "café-concert", "caf'conc"])
        let results = vocabulary.complete("caf")
        #expect(results.map(\.text) == ["Café-Concert", "cafe racer rock"])
        #expect(vocabulary.complete("cafecon").first?.distance == 0)
        #expect(vocabulary.complete("cafe-concert").first?.score == 80 + Vocabulary.wholeFormBonus)
    }

    /// Every form of the French vocabulary, folded, with its entry's index.
    var foldedForms: [(entry: Int, form: [UInt8])] {
        french.entries.enumerated().flatMap { index, entry in entry.forms.map { (index, CodePointFolder.shared.fold($0)) } }
    }

    @Test("results match a brute-force scan of the keys")
    func matchesBruteForce() {
        let forms = foldedForms
        for prefix in ["con", "so", "sce", "pi", "ma", "fe", "dj", "jaz", "el"] {
            let key = CodePointFolder.shared.fold(prefix)
            var expected: [Int: Double] = [:]
            for (index, form) in forms where form.starts(with: key) {
                let score = Double(french.entries[index].weight) + (form == key ? Vocabulary.wholeFormBonus : 0)
                expected[index] = max(expected[index] ?? 0, score)
            }
            let best = expected.values.sorted(by: >).prefix(10)
            let results = french.complete(prefix).filter { $0.distance == 0 }
            #expect(results.count == min(10, expected.count), "\(prefix)")
            #expect(results.map(\.score) == Array(best), "\(prefix)")
        }
    }

    /// Optimal string alignment distance between `a` and the closest prefix of `b`.
    static func prefixDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var rows = [[Int]](repeating: [Int](repeating: 0, count: a.count + 1), count: b.count + 1)
        for j in 0...a.count { rows[0][j] = j }
        var best = rows[0][a.count]
        for i in stride(from: 1, through: b.count, by: 1) {
            rows[i][0] = i
            for j in stride(from: 1, through: a.count, by: 1) {
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[j - 1] == b[i - 1] ? 0 : 1))
                if i >= 2 && j >= 2 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1] { value = min(value, rows[i - 2][j - 2] + 1) }
                rows[i][j] = value
            }
            best = min(best, rows[i][a.count])
        }
        return best
    }

    @Test("typo matches agree with a brute-force edit distance over every form with the same first letter")
    func typosMatchBruteForce() {
        let forms = foldedForms
        for prefix in ["backilne", "soudncheck", "zenoth", "fiche tecj", "pioner", "marhsall", "regei", "cafe cnocert", "sonoo"] {
            let key = CodePointFolder.shared.fold(prefix)
            var distances: [Int: Int] = [:]
            for (index, form) in forms where form.first == key.first {
                let distance = Self.prefixDistance(key, form)
                if distance <= 1 { distances[index] = min(distances[index] ?? 1, distance) }
            }
            let results = french.complete(prefix)
            for result in results {
                let index = french.entries.firstIndex { $0.canonical == result.text && $0.kind == result.kind }!
                #expect(distances[index] == result.distance, "\(prefix) → \(result.text)")
            }
            if distances.count <= 10 {
                #expect(results.count == distances.count, "\(prefix): \(results.map(\.text))")
            } else {
                #expect(results.count == 10)
            }
        }
    }
}

@Suite("Vocabulary catalog")
struct VocabularyCatalogTests {
    @Test("a catalog completes per language and answers nil for a language it lacks")
    func catalog() throws {
        let catalog = try VocabularyCatalog.load(directory: Fixtures.lexiconsDirectory + "/vocabulary", resources: Fixtures.textResources)
        #expect(catalog.languages == ["fr", "en"])
        let french = try #require(catalog.complete("salle des f", language: "fr"))
        #expect(french.suggestions.first?.text == "salle des fêtes")
        let english = try #require(catalog.complete("village h", language: "en", limit: 2, recent: ["village hall"]))
        #expect(english.suggestions.first?.text == "village hall")
        #expect(english.suggestions.first?.recentlyUsed == true)
        #expect(english.suggestions.count <= 2)
        #expect(catalog.complete("jazz", language: "de") == nil)
        let json = String(decoding: try JSONEncoder().encode(french), as: UTF8.self)
        #expect(json.contains(#""query":"salle des f""#) && json.contains(#""kind":"venue""#))
    }
}
