/// Reads the body of `/v1/moderate` and `/v1/analyze` straight from its UTF-8 bytes into an
/// ``AnalyzeRequest``: the per-message fast path, without Foundation's `JSONDecoder` (which builds
/// a whole value map, boxes every value and goes through `Decodable`'s containers).
///
/// Why hand-written: no JSON library among the packages this project may use decodes faster than
/// Foundation's (Hummingbird's request decoding is `JSONDecoder`). To stay small and safe it only
/// says yes or "not me": it returns nil for anything unusual (an error of any kind, a duplicate
/// key, an escaped key, a lone surrogate, deep nesting in an unknown member), and the caller then
/// decodes with `JSONDecoder`, which gives the exact problem with its JSON Pointer. So a non-nil
/// answer must equal `JSONDecoder`'s, and `AnalyzeRequestParserTests` checks that on thousands
/// of generated and mutated bodies.
///
/// The bytes must already be valid UTF-8 (``JSONBody`` checks that first).
struct AnalyzeRequestParser {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    /// Nesting allowed inside unknown members (skipped values).
    private static let maximumDepth = 32

    /// The request, or nil when the body is not a plain, valid request (decode it with `JSONDecoder`).
    /// - Complexity: one pass over the bytes; one `String` per field.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> AnalyzeRequest? {
        var parser = AnalyzeRequestParser(bytes: bytes)
        guard let request = parser.request() else { return nil }
        parser.skipWhitespace()
        return parser.index == bytes.count ? request : nil
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    // MARK: The request's shape

    private mutating func request() -> AnalyzeRequest? {
        var text: String?
        var context: MessageContext?
        let complete = members { parser, key in
            switch key {
            case "text":
                guard text == nil, let value = parser.string() else { return false }
                text = value
            case "context":
                guard context == nil, let value = parser.context() else { return false }
                context = value
            default:
                return parser.skipValue(depth: 0)
            }
            return true
        }
        guard complete, let text, let context else { return nil }
        return AnalyzeRequest(text: text, context: context)
    }

    private mutating func context() -> MessageContext? {
        var messageId: String?, senderId: String?, conversationId: String?
        var recipientId: String??, verificationLevel: String??, tier: String??, sentAt: String??, timeZone: String??
        var firstMessage: Bool??, newContact: Bool??
        var recent: [RecentMessage]??
        let complete = members { parser, key in
            switch key {
            case "messageId": return parser.required(&messageId)
            case "senderId": return parser.required(&senderId)
            case "conversationId": return parser.required(&conversationId)
            case "recipientId": return parser.optional(&recipientId)
            case "verificationLevel": return parser.optional(&verificationLevel)
            case "tier": return parser.optional(&tier)
            case "sentAt": return parser.optional(&sentAt)
            case "timeZone": return parser.optional(&timeZone)
            case "firstMessage": return parser.optionalBool(&firstMessage)
            case "newContact": return parser.optionalBool(&newContact)
            case "recent":
                guard recent == nil else { return false }
                if parser.literal("null") {
                    recent = .some(nil)
                    return true
                }
                guard let list = parser.recentMessages() else { return false }
                recent = .some(list)
                return true
            default:
                return parser.skipValue(depth: 0)
            }
        }
        guard complete, let messageId, let senderId, let conversationId else { return nil }
        return MessageContext(
            messageId: messageId, senderId: senderId, recipientId: recipientId ?? nil, conversationId: conversationId,
            verificationLevel: verificationLevel ?? nil, tier: tier ?? nil, firstMessage: firstMessage ?? nil,
            newContact: newContact ?? nil, sentAt: sentAt ?? nil, timeZone: timeZone ?? nil, recent: recent ?? nil)
    }

    private mutating func recentMessages() -> [RecentMessage]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var list: [RecentMessage] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return list }
        while true {
            skipWhitespace()
            var text: String?, senderId: String?
            let complete = members { parser, key in
                switch key {
                case "text": return parser.required(&text)
                case "senderId": return parser.required(&senderId)
                default: return parser.skipValue(depth: 1)
                }
            }
            guard complete, let text, let senderId else { return nil }
            list.append(RecentMessage(text: text, senderId: senderId))
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? list : nil
        }
    }

    private mutating func required(_ field: inout String?) -> Bool {
        guard field == nil, let value = string() else { return false }
        field = value
        return true
    }

    private mutating func optional(_ field: inout String??) -> Bool {
        guard field == nil else { return false }
        if literal("null") {
            field = .some(nil)
            return true
        }
        guard let value = string() else { return false }
        field = .some(value)
        return true
    }

    private mutating func optionalBool(_ field: inout Bool??) -> Bool {
        guard field == nil else { return false }
        if literal("null") {
            field = .some(nil)
        } else if literal("true") {
            field = .some(true)
        } else if literal("false") {
            field = .some(false)
        } else {
            return false
        }
        return true
    }

    // MARK: JSON

    /// Reads `{ "key": value, … }`, calling `member` for each key with the cursor on its value.
    /// False when the object is malformed, a key has an escape, or `member` says no.
    private mutating func members(_ member: (inout AnalyzeRequestParser, String) -> Bool) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard let key = plainKey() else { return false }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard member(&self, key) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// A key without escapes (an escaped key is left to `JSONDecoder`).
    private mutating func plainKey() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = plainRun()
        guard take(UInt8(ascii: "\"")) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }

    /// Moves over string bytes up to the closing quote, an escape or a control character (invalid
    /// in a string), and returns where the run started.
    private mutating func plainRun() -> Int {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        return start
    }

    /// A string value, escapes decoded; nil if it is not a valid JSON string.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        // Fast path: no escape.
        let start = plainRun()
        if take(UInt8(ascii: "\"")) {
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\\") else { return nil }
        var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    var scalar: Unicode.Scalar?
                    if (0xD800...0xDBFF).contains(unit) {
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
                    } else {
                        scalar = Unicode.Scalar(unit)  // nil for a lone low surrogate
                    }
                    guard let scalar else { return nil }
                    decoded.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
            default:
                if byte < 0x20 { return nil }
                decoded.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// Skips one JSON value of an unknown member, checking its grammar.
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < Self.maximumDepth, index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"):
            return members { parser, _ in parser.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return true }
            while true {
                skipWhitespace()
                guard skipValue(depth: depth + 1) else { return false }
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]"))
            }
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() -> Bool {
        _ = take(UInt8(ascii: "-"))
        guard index < bytes.count else { return false }
        if take(UInt8(ascii: "0")) {
            // no leading zeros
        } else {
            guard digits() > 0 else { return false }
        }
        if take(UInt8(ascii: ".")) { guard digits() > 0 else { return false } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { return false }
        }
        return true
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        if matches { index += count }
        return matches
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}
