import NIOCore
import Testing

@testable import ParleyRedis

@Suite struct RESPCodecTests {
    private func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func encodesCommandsAsArraysOfBulkStrings() {
        var out = ByteBuffer()
        RESPCodec.encodeCommand(["SET", "clé", ""], into: &out)
        #expect(String(buffer: out) == "*3\r\n$3\r\nSET\r\n$4\r\nclé\r\n$0\r\n\r\n")
    }

    @Test func decodesEveryReplyType() throws {
        var input = buffer("+OK\r\n-ERR bad\r\n:-42\r\n$4\r\nhé!\r\n$-1\r\n*2\r\n:1\r\n*1\r\n$0\r\n\r\n*-1\r\n")
        #expect(try RESPCodec.decodeReply(from: &input) == .simpleString("OK"))
        #expect(try RESPCodec.decodeReply(from: &input) == .error("ERR bad"))
        #expect(try RESPCodec.decodeReply(from: &input) == .integer(-42))
        #expect(try RESPCodec.decodeReply(from: &input) == .bulkString(Array("hé!".utf8)))
        #expect(try RESPCodec.decodeReply(from: &input) == .null)
        #expect(try RESPCodec.decodeReply(from: &input) == .array([.integer(1), .array([.bulkString([])])]))
        #expect(try RESPCodec.decodeReply(from: &input) == .null)
        #expect(try RESPCodec.decodeReply(from: &input) == nil)
        #expect(input.readableBytes == 0)
    }

    @Test func waitsForTheRestOfASplitReplyWithoutConsumingIt() throws {
        let whole = Array("*2\r\n$5\r\nhello\r\n:7\r\n".utf8)
        for cut in 1..<whole.count {
            var input = ByteBuffer(bytes: whole[..<cut])
            #expect(try RESPCodec.decodeReply(from: &input) == nil, "cut at \(cut)")
            #expect(input.readableBytes == cut)
            input.writeBytes(whole[cut...])
            #expect(try RESPCodec.decodeReply(from: &input) == .array([.bulkString(Array("hello".utf8)), .integer(7)]))
        }
    }

    @Test(arguments: ["?what\r\n", ":12x\r\n", "$3\r\nabcd\r\n", "$-5\r\n", "*-2\r\n"])
    func refusesMalformedReplies(_ text: String) {
        var input = buffer(text)
        #expect(throws: RedisError.self) { try RESPCodec.decodeReply(from: &input) }
    }

    @Test func refusesReplyNestedTooDeep() {
        var input = buffer(String(repeating: "*1\r\n", count: RESPCodec.maxDepth + 2) + ":1\r\n")
        #expect(throws: RedisError.protocolError("reply nested deeper than \(RESPCodec.maxDepth)")) {
            try RESPCodec.decodeReply(from: &input)
        }
    }
}
