import ParleyTesting
import Testing

@testable import ParleyText

/// Kinds and texts of the non-space tokens of a message.
func kinds(_ text: String) throws -> [(TokenKind, String)] {
    let message = try Fixtures.segmenter().read(text)
    return message.tokens.filter { $0.kind != .whitespace }.map { ($0.kind, message.text(of: $0)) }
}

func tokens(_ text: String, of kind: TokenKind) throws -> [String] {
    try kinds(text).filter { $0.0 == kind }.map(\.1)
}

@Suite("Segmenter: token kinds")
struct SegmenterKindTests {
    @Test(arguments: [
        ("Cachet 1 500 € HT", "1 500 € HT"),
        ("Cachet 1\u{00A0}500€ net", "1\u{00A0}500€"),
        ("Cachet 1\u{202F}500 € ok", "1\u{202F}500 €"),
        ("2k€ ça me va", "2k€"),
        ("on propose 2 000 euros HT", "2 000 euros HT"),
        ("We offer $1,200 flat", "$1,200"),
        ("800 balles et c'est bon", "800 balles"),
        ("€800 all in", "€800"),
        ("1,5 k€ pour le set", "1,5 k€"),
        ("£50 each", "£50"),
        ("3,500 € instead", "3,500 €"),
        ("1.200 EUR TTC", "1.200 EUR TTC"),
    ])
    func amounts(text: String, amount: String) throws {
        #expect(try tokens(text, of: .amount) == [amount])
    }

    @Test(arguments: [
        ("voir https://example.com/path?q=1.", "https://example.com/path?q=1"),
        ("lien bit.ly/3xQpR7a stp", "bit.ly/3xQpR7a"),
        ("sur example.fr demain", "example.fr"),
        ("go www.Flowstage.com", "www.Flowstage.com"),
        ("http://192.168.1.10/login now", "http://192.168.1.10/login"),
        ("visit xn--pypal-4ve.com", "xn--pypal-4ve.com"),
        ("join t.me/bittrax_signals now", "t.me/bittrax_signals"),
        ("sur promo-musique-express.fr 🔥", "promo-musique-express.fr"),
    ])
    func urls(text: String, url: String) throws {
        #expect(try tokens(text, of: .url) == [url])
    }

    @Test func urlFlags() throws {
        let message = try Fixtures.segmenter().read("http://192.168.1.10/x et xn--pypal-4ve.com")
        let urls = message.tokens.filter { $0.kind == .url }
        #expect(urls.count == 2)
        #expect(urls[0].flags.contains(.ipLiteral))
        #expect(urls[1].flags.contains(.punycode))
    }

    @Test func sentencesWithoutSpacesAreNotLinks() throws {
        #expect(try tokens("Merci.De rien", of: .url).isEmpty)
        #expect(try tokens("ok.merci a plus", of: .url).isEmpty)
        #expect(try tokens("il fait 2.5 degrés", of: .url).isEmpty)
    }

    @Test(arguments: [
        ("écris à jean.dupont@gmail.com stp", "jean.dupont@gmail.com"),
        ("mail: jean at gmail dot com", "jean at gmail dot com"),
        ("jean[at]gmail.com", "jean[at]gmail.com"),
        ("jean arobase gmail point com merci", "jean arobase gmail point com"),
        ("write to booking (at) label-records (dot) fr", "booking (at) label-records (dot) fr"),
    ])
    func emails(text: String, email: String) throws {
        #expect(try tokens(text, of: .email) == [email])
    }

    @Test func ordinaryAtIsNotAnEmail() throws {
        #expect(try tokens("see you at the venue dot com party", of: .email).isEmpty)
        #expect(try tokens("meet me at gmail.com", of: .email).isEmpty)
    }

    @Test(arguments: [
        ("appelle le 06 12 34 56 78 stp", "06 12 34 56 78"),
        ("tel 06.12.34.56.78", "06.12.34.56.78"),
        ("0612345678", "0612345678"),
        ("+33 6 12 34 56 78 merci", "+33 6 12 34 56 78"),
        ("+33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
        ("call +44 7911 123456", "+44 7911 123456"),
        ("call (555) 123-4567", "(555) 123-4567"),
        ("zéro six douze trente-quatre cinquante-six soixante-dix-huit", "zéro six douze trente-quatre cinquante-six soixante-dix-huit"),
        ("call zero seven nine one one two three four five six seven", "zero seven nine one one two three four five six seven"),
    ])
    func phones(text: String, phone: String) throws {
        #expect(try tokens(text, of: .phone) == [phone])
    }

    @Test func numbersAreNotPhones() throws {
        #expect(try tokens("jauge de 15 300 personnes", of: .phone).isEmpty)
        #expect(try tokens("jauge de 15 300 personnes", of: .number) == ["15 300"])
        #expect(try tokens("soundcheck 5:30, doors 20:00", of: .number) == ["5:30", "20:00"])
        #expect(try tokens("le 15 mars à 17h", of: .number) == ["15", "17h"])
    }

    @Test func mentionsAndHashtags() throws {
        #expect(try tokens("merci @julie_b et @Flow.Stage !", of: .mention) == ["@julie_b", "@Flow.Stage"])
        #expect(try tokens("#jazz #fêteDeLaMusique", of: .hashtag) == ["#jazz", "#fêteDeLaMusique"])
        #expect(try tokens("prix#2", of: .hashtag).isEmpty)
    }

    @Test func emoji() throws {
        let family = "👨‍👩‍👧"
        let flag = "🇫🇷"
        let thumb = "👍🏽"
        let keycap = "1️⃣"
        #expect(try tokens("top \(family)\(flag) \(thumb) \(keycap) 🔥🔥", of: .emoji) == [family, flag, thumb, keycap, "🔥", "🔥"])
    }

    @Test func emoticons() throws {
        #expect(try tokens("super :) merci :-( <3 xD ^^", of: .emoticon) == [":)", ":-(", "<3", "xD", "^^"])
        #expect(try tokens("à 5:30 et (1, 2)", of: .emoticon).isEmpty)
    }

    @Test func punctuationRuns() throws {
        #expect(try tokens("quoi ?! non... merci !!!", of: .punctuation) == ["?!", "...", "!!!"])
    }

    @Test func elision() throws {
        let message = try Fixtures.segmenter().read("J'ai vu qu’il jusqu'à l'équipe aujourd'hui, don't")
        let words = message.tokens.filter { $0.kind == .word }
        #expect(words.map { message.text(of: $0) } == ["J'", "ai", "vu", "qu’", "il", "jusqu'", "à", "l'", "équipe", "aujourd'hui", "don't"])
        #expect(words.filter { $0.flags.contains(.elision) }.count == 4)
    }

    @Test func hyphenatedCompounds() throws {
        let message = try Fixtures.segmenter().read("un café-concert, le sound-check - ok")
        let words = message.tokens.filter { $0.kind == .word }
        #expect(words.map { message.text(of: $0) } == ["un", "café-concert", "le", "sound-check", "ok"])
        #expect(words[1].flags.contains(.hyphenated))
    }

    @Test func caseAndScriptFlags() throws {
        let message = try Fixtures.segmenter().read("ANSWER Me pаypal")
        let words = message.tokens.filter { $0.kind == .word }
        #expect(words[0].flags.contains(.allCaps))
        #expect(words[1].flags.contains(.capitalized) && !words[1].flags.contains(.allCaps))
        #expect(words[2].isMixedScript && words[2].scripts == [.latin, .cyrillic])
    }
}

@Suite("Segmenter: input, spans and counts")
struct SegmenterInputTests {
    @Test func invalidUTF8ReportsTheOffset() {
        let bytes: [UInt8] = Array("Salut ".utf8) + [0xC3, 0x28] + Array(" ok".utf8)
        #expect(throws: TextError.invalidUTF8(byteOffset: 6)) { try Fixtures.segmenter().read(bytes) }
        #expect(throws: TextError.invalidUTF8(byteOffset: 0)) { try Fixtures.segmenter().read([0xFF]) }
        #expect(throws: TextError.invalidUTF8(byteOffset: 1)) { try Fixtures.segmenter().read([0x41, 0xED, 0xA0, 0x80]) }  // surrogate
        #expect(throws: TextError.invalidUTF8(byteOffset: 0)) { try Fixtures.segmenter().read([0xC0, 0xAF]) }  // overlong
    }

    @Test func oversizeMessagesAreRejected() {
        let segmenter = Fixtures.segmenter(limits: TextLimits(maximumBytes: 10))
        #expect(throws: TextError.tooLong(bytes: 11, limit: 10)) { try segmenter.read("hello world") }
        #expect(throws: Never.self) { try segmenter.read("hello") }
    }

    @Test func emptyMessage() throws {
        let message = try Fixtures.segmenter().read("")
        #expect(message.tokens.isEmpty && message.folded.units.isEmpty && message.counts == TextCounts())
    }

    @Test func countsUseGraphemes() throws {
        let message = try Fixtures.segmenter().read("Café 👨‍👩‍👧 🇫🇷")
        #expect(message.counts.graphemes == 8)
        #expect(message.counts.scalars == 13)
        #expect(message.counts.utf16 == Array("Café 👨‍👩‍👧 🇫🇷".utf16).count)
        #expect(message.counts.utf8 == "Café 👨‍👩‍👧 🇫🇷".utf8.count)
    }

    @Test func spansPointIntoTheOriginalAfterNormalization() throws {
        // "Cafe\u{301}" is NFD; NFC composes it, spans still address the original bytes.
        let text = "Cafe\u{301} Concert 2\u{00A0}500 €"
        let message = try Fixtures.segmenter().read(text)
        #expect(message.wasNormalized)
        let words = message.tokens.filter { $0.kind == .word }
        #expect(message.text(of: words[0]) == "Cafe\u{301}")
        #expect(message.normalizedText(of: words[0]) == "Café")
        #expect(words[0].span.utf16 == 0..<5)
        #expect(message.text(of: words[1]) == "Concert")
        let amount = try #require(message.tokens.first { $0.kind == .amount })
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[amount.span.utf16], as: UTF16.self) == "2\u{00A0}500 €")
        #expect(message.folded.string == "cafe concert 2500eur")
    }

    @Test func tokensTileTheText() throws {
        for text in ["Salut ! J'ai 2 500 € pour toi 🎸", "w h a t s a p p me", "  \n\tok  "] {
            let message = try Fixtures.segmenter().read(text)
            var expected = 0
            for token in message.tokens {
                #expect(token.span.utf8.lowerBound == expected)
                expected = token.span.utf8.upperBound
            }
            #expect(expected == text.utf8.count)
        }
    }

    @Test func reusingAMessageBufferGivesTheSameResult() throws {
        let segmenter = Fixtures.segmenter()
        var reused = Message()
        for text in ["premier message assez long 06 12 34 56 78", "court", "Cafe\u{301} 🇫🇷"] {
            try segmenter.read(Array(text.utf8), into: &reused)
            let fresh = try Fixtures.segmenter().read(text)
            #expect(reused.tokens == fresh.tokens)
            #expect(reused.folded == fresh.folded)
            #expect(reused.counts == fresh.counts)
        }
    }
}

@Suite("Segmenter: tokens without folding")
struct SegmenterWithoutFoldingTests {
    @Test func sameTokensAndFlagsWithoutTheFoldedView() throws {
        let segmenter = Fixtures.segmenter()
        for labelled in Fixtures.devChat.prefix(120) {
            var plain = Message()
            try segmenter.read(Array(labelled.text.utf8), into: &plain, folding: false)
            let folded = try segmenter.read(labelled.text)
            #expect(plain.folded.units.isEmpty)
            // Spelled-out contacts are found from the folded view: compare messages without them.
            guard !folded.tokens.contains(where: { $0.flags.contains(.obfuscated) }) else { continue }
            #expect(plain.tokens == folded.tokens, "line \(labelled.line)")
            #expect(plain.scripts == folded.scripts && plain.counts == folded.counts)
        }
    }
}
