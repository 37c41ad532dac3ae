import Foundation
import ParleyTesting
import Testing

@testable import ParleyServer

/// Fuzz test of the fast request parser against `JSONDecoder`: on generated bodies (random field
/// values with every kind of escape, unknown members, shuffled keys, random whitespace) it must
/// give exactly `JSONDecoder`'s request; on the same bodies mutated byte by byte it may decline
/// (nil: the server then asks `JSONDecoder`), but whatever it accepts must equal `JSONDecoder`'s
/// result, and it must decline everything `JSONDecoder` refuses.
@Suite struct AnalyzeRequestParserTests {
    typealias Generator = SplitMix64

    static let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "\u{0}", "é", "€", "\u{2028}", "😀", "𝄞", "{", "}", ":", ","]

    static func randomText(_ random: inout Generator) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) { text.append(alphabet.randomElement(using: &random)!) }
        return String(text)
    }

    /// A JSON string literal of `text`, each scalar raw or escaped at random.
    static func literal(_ text: String, _ random: inout Generator) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            let escape = mustEscape || Int.random(in: 0..<4, using: &random) == 0
            guard escape else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch (scalar, Int.random(in: 0..<2, using: &random)) {
            case ("\"", 0): out += "\\\""
            case ("\\", 0): out += "\\\\"
            case ("/", 0): out += "\\/"
            case ("\n", 0): out += "\\n"
            case ("\t", 0): out += "\\t"
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    let padded = String(repeating: "0", count: 4 - hex.count) + hex
                    out += "\\u" + (Bool.random(using: &random) ? padded.uppercased() : padded)
                }
            }
        }
        return out + "\""
    }

    static func space(_ random: inout Generator) -> String {
        [" ", "", "", "\n", "\t ", "\r\n"].randomElement(using: &random)!
    }

    /// A random JSON value for an unknown member.
    static func unknownValue(_ random: inout Generator, depth: Int = 0) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random) {
        case 0: return literal(randomText(&random), &random)
        case 1: return ["0", "-1", "3.25", "1e5", "-0.5E-3", "12345678901234567890"].randomElement(using: &random)!
        case 2: return "true"
        case 3: return "false"
        case 4: return "null"
        case 5: return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in unknownValue(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<Int.random(in: 0...3, using: &random)).map { index in "\"k\(index)\":" + unknownValue(&random, depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    /// An object of `members`, shuffled, with a few unknown members and random whitespace.
    static func object(_ members: [(String, String)], _ random: inout Generator) -> String {
        var all = members
        for index in 0..<Int.random(in: 0...2, using: &random) { all.append(("extra\(index)", unknownValue(&random))) }
        all.shuffle(using: &random)
        let body = all.map { space(&random) + "\"\($0.0)\"" + space(&random) + ":" + space(&random) + $0.1 + space(&random) }
        return "{" + body.joined(separator: ",") + space(&random) + "}"
    }

    /// A valid request body.
    static func body(_ random: inout Generator) -> String {
        var context: [(String, String)] = [
            ("messageId", literal(randomText(&random), &random)), ("senderId", literal(randomText(&random), &random)),
            ("conversationId", literal(randomText(&random), &random)),
        ]
        for key in ["recipientId", "verificationLevel", "tier", "sentAt", "timeZone"] {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: context.append((key, "null"))
            case 1: context.append((key, literal(randomText(&random), &random)))
            default: break
            }
        }
        for key in ["firstMessage", "newContact"] where Bool.random(using: &random) {
            context.append((key, ["true", "false", "null"].randomElement(using: &random)!))
        }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: context.append(("recent", "null"))
        case 1:
            let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                object([("text", literal(randomText(&random), &random)), ("senderId", literal(randomText(&random), &random))], &random)
            }
            context.append(("recent", "[" + items.joined(separator: "," + space(&random)) + "]"))
        default: break
        }
        return space(&random) + object([("text", literal(randomText(&random), &random)), ("context", object(context, &random))], &random) + space(&random)
    }

    static func parse(_ bytes: [UInt8]) -> AnalyzeRequest? {
        bytes.withUnsafeBytes { AnalyzeRequestParser.parse($0) }
    }

    static func decode(_ bytes: [UInt8]) -> AnalyzeRequest? {
        try? JSONDecoder().decode(AnalyzeRequest.self, from: Data(bytes))
    }

    @Test func validBodiesReadExactlyAsJSONDecoderReadsThem() {
        var random = Generator(seed: 20_261_126)
        for _ in 0..<3000 {
            let bytes = Array(Self.body(&random).utf8)
            let expected = Self.decode(bytes)
            #expect(expected != nil, "JSONDecoder refuses \(String(decoding: bytes, as: UTF8.self))")
            #expect(Self.parse(bytes) == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func mutatedBodiesAreDeclinedOrReadAsJSONDecoderReadsThem() {
        var random = Generator(seed: 7)
        let edits: [UInt8] = Array("\"{}[],:\\ tfnul0123-.eE+u\u{7F}x".utf8) + [0x0A, 0x01]
        var accepted = 0
        var checked = 0
        for _ in 0..<4000 {
            var bytes = Array(Self.body(&random).utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(edits.randomElement(using: &random)!, at: position)
                default: bytes[position] = edits.randomElement(using: &random)!
                }
            }
            // The server checks UTF-8 before parsing.
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            checked += 1
            let fast = Self.parse(bytes)
            let slow = Self.decode(bytes)
            if fast != nil { accepted += 1 }
            #expect(fast == nil || fast == slow, "\(String(decoding: bytes, as: UTF8.self))")
        }
        // Both outcomes were exercised: some mutations still parse, most do not.
        #expect(checked > 3000)
        #expect(accepted > 100 && accepted < checked, "accepted \(accepted) of \(checked)")
    }

    @Test func declinesWhatItLeavesToJSONDecoder() {
        for body in [
            #"{"text":"a","text":"b","context":{"messageId":"m","senderId":"s","conversationId":"c"}}"#,  // duplicate key
            #"{"t\u0065xt":"a","context":{"messageId":"m","senderId":"s","conversationId":"c"}}"#,  // escaped key
            #"{"text":"\ud800","context":{"messageId":"m","senderId":"s","conversationId":"c"}}"#,  // lone surrogate
            #"{"text":"a","context":{"messageId":"m","senderId":"s"}}"#,  // missing field
            #"{"text":1,"context":{"messageId":"m","senderId":"s","conversationId":"c"}}"#,  // wrong type
            #"{"text":"a","context":{"messageId":"m","senderId":"s","conversationId":"c"}} x"#,  // trailing bytes
        ] {
            #expect(Self.parse(Array(body.utf8)) == nil, "\(body)")
        }
    }
}
