import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyVocabulary

@Suite("Search analyzer")
struct SearchAnalyzerTests {
    func analyzer(_ languages: [SearchLanguage] = [.french, .english]) throws -> SearchAnalyzer {
        try SearchAnalyzer(resources: VocabularyFixtures.search, languages: languages)
    }

    /// Whether every term of the query is among the document's terms (what an index's AND does).
    func finds(_ query: String, in document: String, languages: [SearchLanguage] = [.french, .english]) throws -> Bool {
        let analyzer = try analyzer(languages)
        let documentTerms = Set(try analyzer.analyze(document, mode: .document).map(\.term))
        var positions: [Int: Bool] = [:]
        for term in try analyzer.analyze(query, mode: .query) {
            positions[term.position, default: false] = positions[term.position, default: false] || documentTerms.contains(term.term)
        }
        return !positions.isEmpty && positions.values.allSatisfy { $0 }
    }

    @Test("the issue's examples match", arguments: [
        ("cafe concert", "On joue au Café-Concert de Nantes"),
        ("Café-Concert", "un cafe concert sympa"),
        ("concerts", "Super concert hier soir"),
        ("concert", "Merci pour les concerts"),
        ("reservé", "La salle est réservée pour vous"),
        ("reservee", "La salle est réservée pour vous"),
        ("réservation", "j'ai réservé la salle"),
        ("soundcheck", "Soundcheck à 17h, merci"),
        ("soundchecks", "the soundcheck starts at 5pm"),
        ("booking", "We booked the band"),
        ("1 500 €", "Cachet de 1500€ HT"),
        ("1500 euros", "Cachet de 1 500 € HT"),
        ("15/03", "Dispo le 15 mars ?"),
        ("15 mars 2025", "concert le 15/03/2025"),
        ("2025-03-15", "concert le 15.03.25"),
        ("SMAC", "les smacs de la région"),
    ])
    func matches(query: String, document: String) throws {
        #expect(try finds(query, in: document), "\(query) should find \(document)")
    }

    @Test("unrelated words do not match", arguments: [
        ("concert", "Le contrat est signé"),
        ("rider", "On a ri hier"),
        ("1500 €", "1500 personnes"),
        ("15/03", "le 15 avril"),
        ("cafe", "Concert au théâtre"),
        ("15/03", "15 personnes le 3 mars"),
        ("15 mars 2025", "le 15 mars 2024"),
    ])
    func misses(query: String, document: String) throws {
        #expect(try !finds(query, in: document), "\(query) should not find \(document)")
    }

    @Test("stop words are dropped and leave a position gap")
    func stopWords() throws {
        let french = try analyzer([.french])
        #expect(try french.analyze("le la les du de la").isEmpty)
        let terms = try french.analyze("le concert de la semaine")
        #expect(terms.map(\.term) == ["concert", "semain"])
        #expect(terms.map(\.position) == [1, 4])
        let english = try analyzer([.english])
        #expect(try english.analyze("the concert of the week").map(\.term) == ["concert", "week"])
        // French stop words are words in English, and the other way round.
        #expect(try english.analyze("son").map(\.term) == ["son"])
        // Elided articles and pronouns go too.
        #expect(try french.analyze("J'ai l'Olympia d'abord").map(\.term) == ["olympi", "abord"])
        #expect(try french.analyze("the").map(\.term) == ["the"])
        #expect(VocabularyFixtures.search.isStopWord("ete", language: .french))
        #expect(!VocabularyFixtures.search.isStopWord("concert", language: .french))
    }

    @Test("Snowball stems French and English words")
    func stemming() throws {
        let french = try Stemmer(language: .french)
        #expect(french.stem("réservations") == "réserv")
        #expect(french.stem("Concerts") == "concert")
        #expect(french.stem("programmée") == "programm")
        let english = try Stemmer(language: .english)
        #expect(english.stem("bookings") == "book")
        #expect(english.stem("riders") == "rider")
        #expect(try analyzer([.french]).analyze("Programmées").map(\.term) == ["programm", "programme"])
        #expect(try analyzer([.english]).analyze("Bookings").map(\.term) == ["book"])
    }

    @Test("several languages add their stems as alternatives at the same position")
    func alternatives() throws {
        let terms = try analyzer([.french, .english]).analyze("booked")
        #expect(terms.map(\.term) == ["booked", "book"])
        #expect(terms.map(\.position) == [0, 0])
        #expect(terms.map(\.isAlternative) == [false, true])
    }

    @Test("amounts, numbers, dates and entities are typed terms")
    func typedTerms() throws {
        let terms = try analyzer().analyze("Cachet 2 500 € HT le 1er mai 2026 à 21h, contact: jean@example.fr ou 06 12 34 56 78, #jazz @melody https://flowstage.fr/deal")
        let typed = terms.filter { $0.type != .word }.map { "\($0.type.rawValue) \($0.term)" }
        #expect(typed.contains("<AMOUNT> 2500eur"))
        #expect(typed.contains("<DATE> 2026-05-01"))
        #expect(typed.contains("<NUM> 21h"))
        #expect(typed.contains("<EMAIL> jean@example.fr"))
        #expect(typed.contains("<PHONE> 0612345678"))
        #expect(typed.contains("<HASHTAG> #jazz"))
        #expect(typed.contains("<MENTION> @melody"))
        #expect(typed.contains { $0.hasPrefix("<URL> ") && $0.contains("flowstage.fr") })
        // The words of an address are alternatives in a document, not in a query.
        let email = try #require(terms.firstIndex { $0.type == .email })
        #expect(terms[email + 1].term == "jean" && terms[email + 1].isAlternative)
        #expect(terms[email + 2].term == "example" && terms[email + 2].position == terms[email].position)
        #expect(!(try analyzer().analyze("jean@example.fr", mode: .query)).contains { $0.term == "jean" })
        let date = try #require(terms.first { $0.type == .date })
        #expect(!date.isAlternative)
        #expect(date.span.utf8 == 23..<35)
        // The date's parts are alternatives at its position in a document.
        let atDate = terms.filter { $0.position == date.position }.map(\.term)
        #expect(atDate == ["2026-05-01", "--05-01", "1er", "mai", "2026"])
    }

    @Test("dates in digits and in words", arguments: [
        ("15/03/2025", "2025-03-15"), ("15.03.25", "2025-03-15"), ("2025-03-15", "2025-03-15"), ("15/03", "--03-15"),
        ("le 15 mars", "--03-15"), ("1er juin 2026", "2026-06-01"), ("31/02", nil), ("15.03", nil), ("3 concerts", nil),
    ] as [(String, String?)])
    func dates(text: String, expected: String?) throws {
        let dates = try analyzer([.french]).analyze(text, mode: .query).filter { $0.type == .date }.map(\.term)
        #expect(dates == (expected.map { [$0] } ?? []))
    }

    @Test("prefix analysis folds without stemming")
    func prefixes() throws {
        #expect(try analyzer().analyze("Réservati", mode: .prefix).map(\.term) == ["reservati"])
    }

    @Test("the output has Elasticsearch's _analyze shape with UTF-16 offsets")
    func elasticsearchShape() throws {
        let response = AnalyzeResponse(terms: try analyzer([.french]).analyze("🎸 Les concerts"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(response), as: UTF8.self)
        #expect(json == #"{"tokens":[{"end_offset":15,"position":1,"start_offset":7,"token":"concert","type":"<ALPHANUM>"}]}"#)
    }

    @Test("every dev chat message analyzes, with spans inside the text and terms in position order")
    func devChat() throws {
        let messages = Fixtures.devChat
        try #require(!messages.isEmpty, "../shared/data/chat/dev.tsv is missing")
        let analyzer = try analyzer()
        var total = 0
        for message in messages {
            let terms = try analyzer.analyze(message.text)
            let length = message.text.utf8.count
            #expect(terms.allSatisfy { $0.span.utf8.lowerBound >= 0 && $0.span.utf8.upperBound <= length && !$0.term.isEmpty })
            #expect(zip(terms, terms.dropFirst()).allSatisfy { $0.position < $1.position || ($0.position == $1.position && $1.isAlternative) })
            total += terms.count
        }
        #expect(total > messages.count * 5)
    }

    @Test("a bad stop-word file is reported with file:line:column")
    func badStopWords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-stop-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory + "/fr", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "le\npour que\n---\n".write(toFile: directory + "/fr/stopwords.map", atomically: true, encoding: .utf8)
        #expect {
            try SearchResources.load(lexiconsDirectory: directory, textResources: Fixtures.textResources, languages: [.french])
        } throws: { error in
            (error as? DiagnosticList)?.description == """
            \(directory)/fr/stopwords.map:2:6: error: expected one stop word per line
            \(directory)/fr/stopwords.map:3:1: error: stop word '---' does not fold to a single word ('')
            """
        }
        #expect(throws: SearchError.unknownLanguage("en")) {
            try SearchAnalyzer(resources: try SearchResources.load(lexiconsDirectory: Fixtures.lexiconsDirectory,
                                                                   textResources: Fixtures.textResources, languages: [.french]),
                               languages: [.english])
        }
        #expect(throws: SearchError.noLanguage) { try SearchAnalyzer(resources: VocabularyFixtures.search, languages: []) }
    }
}
