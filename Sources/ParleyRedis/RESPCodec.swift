import NIOCore

/// RESP2, the Redis wire protocol: commands go out as arrays of bulk strings, replies come back as
/// typed values. Pure functions on `ByteBuffer`, no I/O, so the parser is tested on split and
/// malformed input without a server.
public enum RESPCodec {
    /// Replies nested deeper than this are refused (a hostile or broken peer cannot blow the stack).
    public static let maxDepth = 32
    /// Bulk strings and arrays longer than this are refused (Redis's own bulk limit is 512 MB).
    public static let maxLength = 512 * 1024 * 1024

    /// Appends `*N\r\n$len\r\narg\r\n…` to `buffer`. Cost: O(total argument bytes).
    public static func encodeCommand(_ arguments: [String], into buffer: inout ByteBuffer) {
        buffer.writeString("*\(arguments.count)\r\n")
        for argument in arguments {
            buffer.writeString("$\(argument.utf8.count)\r\n")
            buffer.writeString(argument)
            buffer.writeString("\r\n")
        }
    }

    /// Reads one complete reply from the front of `buffer`, or returns nil (consuming nothing)
    /// when the buffer holds only part of it. Cost: O(reply bytes); a reply split over k reads is
    /// re-scanned up to k times, which is fine for the small replies of the moderation scripts.
    /// - Throws: ``RedisError/protocolError(_:)`` on bytes that are not RESP.
    public static func decodeReply(from buffer: inout ByteBuffer) throws(RedisError) -> RedisValue? {
        let view = buffer.readableBytesView
        var position = view.startIndex
        guard let value = try parse(view, at: &position, depth: 0) else { return nil }
        buffer.moveReaderIndex(forwardBy: position - view.startIndex)
        return value
    }

    private static func parse(_ view: ByteBufferView, at position: inout Int, depth: Int) throws(RedisError) -> RedisValue? {
        guard depth <= maxDepth else { throw .protocolError("reply nested deeper than \(maxDepth)") }
        guard position < view.endIndex else { return nil }
        let type = view[position]
        var cursor = position + 1
        guard let line = readLine(view, at: &cursor) else { return nil }
        let value: RedisValue
        switch type {
        case UInt8(ascii: "+"):
            value = .simpleString(String(decoding: view[line], as: UTF8.self))
        case UInt8(ascii: "-"):
            value = .error(String(decoding: view[line], as: UTF8.self))
        case UInt8(ascii: ":"):
            value = .integer(try integer(view[line]))
        case UInt8(ascii: "$"):
            let length = try integer(view[line])
            if length == -1 {
                value = .null
            } else {
                guard length >= 0, length <= maxLength else { throw .protocolError("bad bulk string length \(length)") }
                let end = cursor + Int(length)
                guard end + 2 <= view.endIndex else { return nil }
                guard view[end] == UInt8(ascii: "\r"), view[end + 1] == UInt8(ascii: "\n") else {
                    throw .protocolError("bulk string not terminated by CRLF")
                }
                value = .bulkString(Array(view[cursor..<end]))
                cursor = end + 2
            }
        case UInt8(ascii: "*"):
            let count = try integer(view[line])
            if count == -1 {
                value = .null
            } else {
                guard count >= 0, count <= maxLength else { throw .protocolError("bad array length \(count)") }
                var elements: [RedisValue] = []
                elements.reserveCapacity(min(Int(count), 1024))
                for _ in 0..<count {
                    guard let element = try parse(view, at: &cursor, depth: depth + 1) else { return nil }
                    elements.append(element)
                }
                value = .array(elements)
            }
        default:
            throw .protocolError("unknown reply type byte \(type)")
        }
        position = cursor
        return value
    }

    /// The range of the line starting at `cursor` (without CRLF); moves `cursor` past the CRLF.
    private static func readLine(_ view: ByteBufferView, at cursor: inout Int) -> Range<Int>? {
        var index = cursor
        while index + 1 < view.endIndex {
            if view[index] == UInt8(ascii: "\r") && view[index + 1] == UInt8(ascii: "\n") {
                let line = cursor..<index
                cursor = index + 2
                return line
            }
            index += 1
        }
        return nil
    }

    private static func integer(_ bytes: ByteBufferView.SubSequence) throws(RedisError) -> Int64 {
        guard let value = Int64(String(decoding: bytes, as: UTF8.self)) else {
            throw .protocolError("'\(String(decoding: bytes.prefix(32), as: UTF8.self))' is not an integer")
        }
        return value
    }
}
