import Hummingbird
import NIOCore
import ParleyModeration
import ParleyText

/// Writes the answer of `/v1/moderate` as JSON into a byte array, then the response's `ByteBuffer`
/// in one copy: two allocations per answer instead of `JSONEncoder`'s boxes, key sorting and
/// intermediate `Data`. (An array, not the buffer itself: a `ByteBuffer` write checks uniqueness,
/// capacity and exclusivity on every call, which cost several microseconds per answer.)
/// The output is what `JSONEncoder` (sorted keys, unescaped slashes, nil optionals left out) gives,
/// up to number formatting (`5.0` for `5`); `ModerateResponseWriterTests` checks they read the same.
struct ModerateResponseWriter {
    private var bytes: [UInt8] = []

    /// The response for `value`, or nil when a score is not finite (the caller then goes through
    /// `JSONEncoder`, which reports it).
    /// - Complexity: O(size of the answer); an array and a buffer.
    static func response(_ value: ModerateResponse) -> Response? {
        guard let body = body(value) else { return nil }
        return Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: body))
    }

    /// The JSON bytes of `value`, or nil when a score is not finite.
    static func body(_ value: ModerateResponse) -> ByteBuffer? {
        var writer = ModerateResponseWriter()
        writer.bytes.reserveCapacity(512 + 384 * value.moderation.rules.count)
        guard writer.write(value) else { return nil }
        return ByteBuffer(bytes: writer.bytes)
    }

    private mutating func write(_ value: ModerateResponse) -> Bool {
        raw("{\"conversationId\":")
        string(value.conversationId)
        raw(",\"messageId\":")
        string(value.messageId)
        raw(",\"moderation\":")
        guard write(value.moderation) else { return false }
        raw(",\"resourcesVersion\":")
        string(value.resourcesVersion)
        raw("}")
        return true
    }

    private mutating func write(_ verdict: Verdict) -> Bool {
        raw("{\"action\":")
        string(verdict.action.rawValue)
        raw(",\"label\":")
        string(verdict.label)
        raw(",\"language\":")
        string(verdict.language)
        raw(",\"reason\":")
        string(verdict.reason)
        if let report = verdict.report {
            raw(",\"report\":")
            string(report)
        }
        raw(",\"rules\":[")
        for (index, rule) in verdict.rules.enumerated() {
            if index > 0 { raw(",") }
            guard write(rule) else { return false }
        }
        raw("],\"scores\":{")
        for (index, key) in verdict.scores.keys.sorted().enumerated() {
            if index > 0 { raw(",") }
            string(key)
            raw(":")
            guard number(verdict.scores[key]!) else { return false }
        }
        raw("}}")
        return true
    }

    private mutating func write(_ rule: FiredRule) -> Bool {
        raw("{\"category\":")
        string(rule.category)
        raw(",\"description\":")
        string(rule.description)
        if let detail = rule.detail {
            raw(",\"detail\":")
            string(detail)
        }
        raw(",\"matches\":[")
        for (index, match) in rule.matches.enumerated() {
            if index > 0 { raw(",") }
            raw("{")
            if let source = match.source {
                raw("\"source\":")
                string(source)
                raw(",")
            }
            raw("\"span\":{\"utf16\":")
            range(match.span.utf16)
            raw(",\"utf8\":")
            range(match.span.utf8)
            raw("},\"text\":")
            string(match.text)
            raw("}")
        }
        raw("],\"source\":")
        string(rule.source)
        raw(",\"symbol\":")
        string(rule.symbol)
        raw(",\"weight\":")
        guard number(rule.weight) else { return false }
        raw("}")
        return true
    }

    private mutating func range(_ range: Range<Int>) {
        raw("[")
        integer(range.lowerBound)
        raw(",")
        integer(range.upperBound)
        raw("]")
    }

    private mutating func number(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        return true
    }

    /// The decimal digits of `value`, written in place (no `String` in between).
    private mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 1
        while magnitude / scale >= 10 {
            scale *= 10
            digits += 1
        }
        for _ in 0..<digits {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / scale))
            magnitude %= scale
            scale /= 10
        }
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`, the rest
    /// as UTF-8 (slashes unescaped, as `JSONEncoder.OutputFormatting.withoutEscapingSlashes`).
    /// - Complexity: one scan of the UTF-8, copied in runs between the bytes that need escaping.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ append(escaping: $0) }) == nil {
            let copy = Array(text.utf8)  // a bridged string: copied first
            copy.withUnsafeBufferPointer { append(escaping: $0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Copies `utf8`, escaping what JSON needs escaped: runs between escapes are copied whole.
    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count where Self.needsEscape(utf8[index]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            switch utf8[index] {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                raw("\\u00")
                bytes.append(Self.hexDigit(utf8[index] >> 4))
                bytes.append(Self.hexDigit(utf8[index] & 0x0F))
            }
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
