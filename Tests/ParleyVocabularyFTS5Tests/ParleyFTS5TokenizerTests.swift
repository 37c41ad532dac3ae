import Foundation
import GRDB
import ParleyTesting
import ParleyText
import ParleyVocabulary
import ParleyVocabularyFTS5
import Testing

@Suite("SQLite FTS5 tokenizer")
struct ParleyFTS5TokenizerTests {
    static let resources: SearchResources = {
        do {
            return try SearchResources.load(lexiconsDirectory: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        } catch {
            fatalError("bundled stop words do not load:\n\(error)")
        }
    }()

    /// Messages added to the dev set, for words the dev set does not contain.
    static let extra = [
        "On joue au Café-Concert de Lille le 15 mars",
        "La salle est réservée pour vous, soundcheck à 17h",
        "The venue is booked: two concerts in a row, fee 1 500 €",
    ]

    /// An in-memory database with every dev chat message (and the extra ones) in an FTS5 table
    /// tokenized by Parley; rowid = index in `texts`.
    static func index() throws -> (DatabaseQueue, [String]) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in ParleyFTS5Tokenizer.register(in: db, resources: resources) }
        let queue = try DatabaseQueue(configuration: configuration)
        let texts = Fixtures.devChat.map(\.text) + extra
        try queue.write { db in
            try db.create(virtualTable: "message", using: FTS5()) { table in
                table.tokenizer = ParleyFTS5Tokenizer.tokenizerDescriptor(arguments: ["fr", "en"])
                table.column("body")
            }
            for (index, text) in texts.enumerated() {
                try db.execute(sql: "INSERT INTO message(rowid, body) VALUES (?, ?)", arguments: [index, text])
            }
        }
        return (queue, texts)
    }

    static func search(_ query: String, in queue: DatabaseQueue) throws -> Set<Int> {
        let analyzer = try SearchAnalyzer(resources: resources, languages: [.french, .english])
        guard let pattern = ParleyFTS5Tokenizer.matchPattern(for: query, analyzer: analyzer, segmenter: Fixtures.segmenter()) else {
            return []
        }
        return try queue.read { db in
            Set(try Int.fetchAll(db, sql: "SELECT rowid FROM message WHERE message MATCH ?", arguments: [pattern]))
        }
    }

    /// Rows whose text matches a regular expression (case-insensitive): the expected answer,
    /// computed without Parley.
    static func rows(_ texts: [String], matching pattern: String) throws -> Set<Int> {
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return Set(texts.indices.filter {
            regex.firstMatch(in: texts[$0], range: NSRange(texts[$0].startIndex..., in: texts[$0])) != nil
        })
    }

    @Test("French and English queries over the dev chat find what a person would expect", arguments: [
        ("cafe concert", #"caf[ée][- ]concert"#),
        ("concerts", #"\bconcerts?\b"#),
        ("reservé", #"\br[ée]serv"#),
        ("soundcheck", #"\bsound ?checks?\b"#),
        ("1500€", #"\b1[  ]?500 ?€"#),
        ("riders", #"\briders?\b"#),
        ("booking", #"\bbook(s|ed|ings?)?\b"#),
        ("contrat", #"\bcontrats?\b"#),
        ("15/03", #"15 mars|15/03"#),
    ])
    func queries(query: String, expected: String) throws {
        try #require(!Fixtures.devChat.isEmpty, "../shared/data/chat/dev.tsv is missing")
        let (queue, texts) = try Self.index()
        let found = try Self.search(query, in: queue)
        let wanted = try Self.rows(texts, matching: expected)
        #expect(!wanted.isEmpty)
        #expect(found == wanted, "\(query): extra \(found.subtracting(wanted).map { texts[$0] }), missing \(wanted.subtracting(found).map { texts[$0] })")
    }

    @Test("phrase and prefix queries, and pieces that cannot break the FTS5 syntax")
    func syntax() throws {
        let (queue, texts) = try Self.index()
        let cafe = texts.firstIndex(of: Self.extra[0])!
        let phrase = try queue.read { db in
            Set(try Int.fetchAll(db, sql: "SELECT rowid FROM message WHERE message MATCH ?", arguments: ["\"Café concert de Lille\""]))
        }
        #expect(phrase == [cafe])
        let prefix = try queue.read { db in
            Set(try Int.fetchAll(db, sql: "SELECT rowid FROM message WHERE message MATCH ?", arguments: ["cafe conc*"]))
        }
        #expect(prefix.contains(cafe))
        #expect(try Self.search("le la \"\" les", in: queue).isEmpty)
        #expect(ParleyFTS5Tokenizer.matchPattern(for: "le la", analyzer: try SearchAnalyzer(resources: Self.resources, languages: [.french]),
                                                 segmenter: Fixtures.segmenter()) == nil)
        #expect(try Self.search("\"café\"-concert OR", in: queue).contains(cafe))
    }

    @Test("highlight offsets are the original UTF-8 bytes")
    func offsets() throws {
        let (queue, texts) = try Self.index()
        let cafe = texts.firstIndex(of: Self.extra[0])!
        let highlighted = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT highlight(message, 0, '[', ']') FROM message WHERE message MATCH ? AND rowid = ?",
                                arguments: ["\"cafe concert\" lille \"15/03\"", cafe])
        }
        #expect(highlighted == "On joue au [Café-Concert] de [Lille] le [15 mars]")
    }

    @Test("an unknown language argument is refused")
    func badArgument() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in ParleyFTS5Tokenizer.register(in: db, resources: Self.resources) }
        let queue = try DatabaseQueue(configuration: configuration)
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(sql: "CREATE VIRTUAL TABLE bad USING fts5(body, tokenize='parley klingon')")
            }
        }
    }
}
