import ParleyTesting
import PropertyBased
import Testing

@testable import ParleyText

/// Pieces chat messages are made of, evasions and Unicode edge cases included; the generator glues
/// random sequences of them, with or without spaces.
let fragments: [String] = [
    "Salut", "merci", "J'ai", "qu’il", "café-concert", "sound-check", "2 500", "1 500 €", "2k€", "$1,200", "800 balles",
    "06 12 34 56 78", "+33 6 12 34 56 78", "zéro", "six", "douze", "trente-quatre", "at", "dot", "gmail", "com", "[at]",
    "jean@gmail.com", "bit.ly/x", "example.fr", "https://a.b/c?d=e", "@julie", "#jazz", "🔥", "👨‍👩‍👧", "🇫🇷", "👍🏽", "1️⃣",
    ":)", "<3", "xD", "!!!", "...", "?!", "s3xy", "arn@que", "sal*pe", "f***", "w", "h", "a", "t", "s", "p", "pаypal",
    "gοogle", "tele\u{200B}gram", "\u{200B}", "\u{00AD}", "\u{FE0F}", "\u{202E}", "siiiiick", "ÉTÉ", "Straße", "ﬁ",
    "ｗｈａｔｓａｐｐ", "e\u{301}\u{301}\u{301}\u{301}", "\u{0301}", "Ω", "日本語", "مرحبا", "\u{00A0}", "\u{202F}", "\t", "\n",
    ".", "-", "_", "*", "@", "#", "$", "€", "0", "1", "3", "4", "x", "D", "k", "HT", "euros", "(", ")", "[", "]", ":", "/",
]

/// Fragments glued with and without spaces: any text at all, for properties that must always hold.
let gluedMessages = Gen<String?>.element(of: fragments).array(of: 0...24).map { parts in
    parts.enumerated().map { index, part in index.isMultiple(of: 3) ? part ?? "" : " " + (part ?? "") }.joined()
}

/// Fragments separated by spaces, as people type them.
let spacedMessages = Gen<String?>.element(of: fragments).array(of: 0...24).map { parts in
    parts.map { $0 ?? "" }.joined(separator: " ")
}

@Suite("Segmenter properties")
struct PropertyTests {
    @Test func spansSliceBackToTokenText() async {
        let segmenter = Fixtures.segmenter()
        await propertyCheck(count: 400, input: gluedMessages) { text in
            guard let message = try? segmenter.read(text) else {
                Issue.record("valid text was rejected: \(text.debugDescription)")
                return
            }
            let utf8 = Array(text.utf8)
            let utf16 = Array(text.utf16)
            var expected = 0
            for token in message.tokens {
                #expect(token.span.utf8.lowerBound == expected)
                expected = token.span.utf8.upperBound
                #expect(String(decoding: utf16[token.span.utf16], as: UTF16.self) == String(decoding: utf8[token.span.utf8], as: UTF8.self))
            }
            #expect(expected == utf8.count)
            for unit in message.folded.units {
                #expect(unit.span.utf8.upperBound <= utf8.count && unit.span.utf16.upperBound <= utf16.count)
                #expect(unit.tokens.upperBound <= message.tokens.count && !unit.tokens.isEmpty)
            }
        }
    }

    /// Folding a folded unit changes nothing: lexicon entries folded with `fold` meet message units
    /// exactly. (Whole-message idempotence is checked on real chat in DevChatTests: on arbitrary
    /// fragment soup, dropping emoji and symbols can bring entities together that were apart.)
    @Test func foldedUnitsAreFixedPoints() async {
        let segmenter = Fixtures.segmenter()
        await propertyCheck(count: 400, input: spacedMessages) { text in
            guard let message = try? segmenter.read(text) else { return }
            for unit in message.folded.units {
                let unitText = message.foldedText(of: unit)
                #expect(segmenter.fold(unitText) == unitText, "\(text.debugDescription): unit \(unitText.debugDescription)")
            }
        }
    }

    @Test func randomBytesNeverCrash() async {
        let segmenter = Fixtures.segmenter()
        await propertyCheck(count: 400, input: Gen.uint8().array(of: 0...96)) { bytes in
            do {
                let message = try segmenter.read(bytes)
                #expect(message.counts.utf8 == bytes.count)
            } catch TextError.invalidUTF8(let offset) {
                #expect(offset >= 0 && offset < bytes.count)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func floodsAreHandled() throws {
        let segmenter = Fixtures.segmenter()
        let emojiFlood = String(repeating: "👨‍👩‍👧🇫🇷👍🏽", count: 1_500)
        let marks = "e" + String(repeating: "\u{0301}", count: 20_000)
        let digits = String(repeating: "06 ", count: 5_000)
        for text in [emojiFlood, marks, digits, String(repeating: "a", count: 60_000)] {
            let message = try segmenter.read(text)
            #expect(message.tokens.last?.span.utf8.upperBound == text.utf8.count)
        }
        #expect(try segmenter.read(emojiFlood).tokens.filter { $0.kind == .emoji }.count == 4_500)
    }
}
