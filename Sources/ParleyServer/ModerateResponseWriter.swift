import Hummingbird
import NIOCore
import ParleyModeration
import ParleyText

/// Writes the answer of `/v1/moderate` as JSON straight into the response's `ByteBuffer`: one
/// allocation per answer instead of `JSONEncoder`'s boxes, key sorting and intermediate `Data`.
/// The output is what `JSONEncoder` (sorted keys, unescaped slashes, nil optionals left out) gives,
/// up to number formatting (`5.0` for `5`); `ModerateResponseWriterTests` checks they read the same.
struct ModerateResponseWriter {
    private var buffer: ByteBuffer

    /// The response for `value`, or nil when a score is not finite (the caller then goes through
    /// `JSONEncoder`, which reports it).
    /// - Complexity: O(size of the answer); one buffer allocation.
    static func response(_ value: ModerateResponse) -> Response? {
        guard let body = body(value) else { return nil }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// The JSON bytes of `value`, or nil when a score is not finite.
    static func body(_ value: ModerateResponse) -> ByteBuffer? {
        var writer = ModerateResponseWriter(buffer: ByteBufferAllocator().buffer(capacity: 512 + 384 * value.moderation.rules.count))
        return writer.write(value) ? writer.buffer : nil
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
        buffer.writeString(String(range.lowerBound))
        raw(",")
        buffer.writeString(String(range.upperBound))
        raw("]")
    }

    private mutating func number(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if value == value.rounded(), abs(value) < 1e15 {
            buffer.writeString(String(Int64(value)))
        } else {
            buffer.writeString(value.description)
        }
        return true
    }

    private mutating func raw(_ text: StaticString) {
        buffer.writeStaticString(text)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`, the rest
    /// as UTF-8 (slashes unescaped, as `JSONEncoder.OutputFormatting.withoutEscapingSlashes`).
    private mutating func string(_ text: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x08: buffer.writeStaticString("\\b")
                case 0x0C: buffer.writeStaticString("\\f")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(hex[Int(byte >> 4)])
                    buffer.writeInteger(hex[Int(byte & 0x0F)])
                }
                start = index + 1
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
