import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("LexiconFile")
struct LexiconFileTests {
    let fold: LexiconFile.Fold = { Fixtures.segmenter().fold($0) }

    @Test("phrases are folded like messages, with wildcards, overrides and allow entries")
    func phrases() throws {
        let text = """
            @symbol INSULT
            Connard            # accents and case folded
            carte* cadeau*
            *coin = CRYPTO_PAYMENT 2
            mandat cash = 3
            !cocktail
            """
        let file = LexiconFile.parse(text, path: "t.map", fold: fold)
        #expect(file.diagnostics.isEmpty)
        #expect(file.entries.count == 5)
        #expect(file.entries[0].pattern == .phrase([PhraseWord(bytes: Array("connard".utf8))]))
        #expect(file.entries[1].pattern.text == "carte* cadeau*")
        #expect(file.entries[2].pattern.text == "*coin")
        #expect(file.entries[2].symbol == "CRYPTO_PAYMENT")
        #expect(file.entries[2].weight == 2)
        #expect(file.entries[3].weight == 3)
        #expect(file.entries[3].symbol == "INSULT")
        #expect(file.entries[4].isAllow)
        #expect(file.entries[0].source.line == 2)
    }

    @Test("French elisions and hyphens split into units")
    func elisions() {
        let file = LexiconFile.parse("@symbol X\nT'es qu'une nulle\nferme-la", path: "t.map", fold: fold)
        #expect(file.entries.map(\.pattern.text) == ["t' es qu' une nulle", "ferme la"])
    }

    @Test("regex lines keep their flags and overrides")
    func regex() {
        let file = LexiconFile.parse("@symbol X\n/\\bpcs \\d+/i = Y 4", path: "t.map", fold: fold)
        #expect(file.entries.first?.pattern == .regex(pattern: "\\bpcs \\d+", flags: "i"))
        #expect(file.entries.first?.symbol == "Y")
        #expect(file.entries.first?.weight == 4)
    }

    @Test("inline examples, domains, emoji and brands")
    func sections() {
        let text = """
            @symbol X
            # ok: Le concert est complet
            # hit X: un texte
            @domains URL_SHORTENER
            bit.ly
            @emoji SEXUAL_EMOJI
            🍆 🍑
            @brands
            flowstage flowstage.com
            """
        let file = LexiconFile.parse(text, path: "t.map", fold: fold)
        #expect(file.diagnostics.isEmpty)
        #expect(file.examples.map(\.expectation) == [.ok, .hit(symbol: "X")])
        #expect(file.domains.map(\.domain) == ["bit.ly"])
        #expect(file.emoji.count == 2)
        #expect(file.brands.first?.officialDomains == ["flowstage.com"])
        #expect(file.brands.first?.symbol == "URL_LOOKALIKE")
    }

    @Test("every problem is reported with file:line:col")
    func diagnostics() {
        let text = """
            orphan entry
            @symbol lower
            @symbol OK
            /unclosed
            x = 12abc
            @domains URL_SHORTENER
            not a domain
            @nope
            """
        let file = LexiconFile.parse(text, path: "Lexicons/fr/bad.map", fold: fold)
        let lines = file.diagnostics.map(\.line)
        #expect(lines == [1, 2, 4, 5, 7, 8])
        #expect(file.diagnostics[0].description.hasPrefix("Lexicons/fr/bad.map:1:1: error: no symbol"))
        #expect(file.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test("plain lower-case ASCII skips the segmenter and gives the same fold")
    func fastPathAgrees() {
        let segmenter = Fixtures.segmenter()
        for entry in ModerationTestSupport.bundled.entries {
            guard case .phrase(let words) = entry.pattern, !entry.isAllow else { continue }
            for word in words where word.bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
                let text = String(decoding: word.bytes, as: UTF8.self)
                #expect(segmenter.fold(text) == text, "\(entry.source)")
            }
        }
    }
}

@Suite("LexiconRegex")
struct LexiconRegexTests {
    let source = LexiconSource(file: "t.map", line: 3, column: 1)

    @Test("leading literals and alternations become anchors; other starts always run")
    func anchors() throws {
        func anchors(_ pattern: String) throws -> [String]? {
            try LexiconRegex(pattern: pattern, flags: "", source: source).anchorWords
        }
        #expect(try anchors("\\bj' espere que (?:ton|ta)") == ["j' espere que ton*", "j' espere que ta*"])
        #expect(try anchors("\\b(?:earn|make) \\d+") == ["earn", "make"])
        #expect(try anchors("\\b(?:la plateforme|l' appli) (?:prend)") == ["la plateforme prend*", "l' appli prend*"])
        #expect(try anchors("\\bgagne[rz]? \\d+") == ["gagne*"])
        #expect(try anchors("\\beviter? les") == ["evite*"])
        #expect(try anchors("\\b(?:i'd|i) (?:book|hire) you") == ["i'd book you*", "i'd hire you*", "i book you*", "i hire you*"])
        #expect(try anchors("\\b(?:ton|votre) (?:paiement|compte) (?:est )?bloque") == ["ton paiement", "ton compte", "votre paiement", "votre compte"])
        #expect(try anchors("\\b(?:the )?app") == nil)
        #expect(try anchors("\\b(?:confirme[rsz]?|verifie[rsz]?) (?:tes|vos)") == ["confirme*", "verifie*"])
        #expect(try anchors("\\.(?:exe|scr)\\b") == nil)
        #expect(try anchors("\\b\\d+ instead of") == nil)
    }

    @Test("a bad pattern is a diagnostic at the regex's line and column")
    func badPattern() {
        #expect(throws: Diagnostic.self) { try LexiconRegex(pattern: "(unclosed", flags: "i", source: source) }
        do {
            _ = try LexiconRegex(pattern: "ab[c", flags: "", source: source)
        } catch {
            #expect(error.line == 3)
            #expect(error.column >= 2)
            #expect(error.message.contains("invalid regex"))
        }
    }
}
