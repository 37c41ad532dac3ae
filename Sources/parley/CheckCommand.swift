import ArgumentParser
import Foundation
import ParleyModeration
import ParleyText

/// `parley check`: JSON Lines in, one verdict per line out.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Moderate messages: JSON Lines in, JSON Lines verdicts out.",
        discussion: """
            Each input line is a JSON object with a "text" field and optional context fields: \
            "id", "language", "sender", "recipient", "verification", "tier", "first_message", \
            "new_contact", "attachments" ([{"type": "pdf", "bytes": 123, "durationSeconds": 0}]). \
            Each output line is {"id": …, "verdict": {action, label, report, scores, rules, reason, language}}. \
            Without --json, each input line is the plain text of one message. \
            Per-sender limits that need state (rate, contacts, bulk) are enforced by the server.
            """
    )

    @OptionGroup var input: MessageInputOptions

    struct Request: Decodable {
        var id: String?
        var text: String
    }

    struct Output: Encodable {
        var id: String?
        var line: Int
        var verdict: Verdict
    }

    func run() throws {
        let resources = try ModerationSupport.load(try input.lexiconsDirectory())
        let segmenter = try ModerationSupport.segmenter(for: resources, maxBytes: input.maxBytes)
        let moderator = Moderator(resources: resources)
        let decoder = JSONDecoder()
        var reader = LineReader()
        var lineNumber = 0
        var failures = 0
        while let line = reader.next() {
            lineNumber += 1
            if line.isEmpty { continue }
            var text: String
            var id: String?
            var context = ModerationContext()
            if input.json {
                do {
                    let data = Data(line)
                    let request = try decoder.decode(Request.self, from: data)
                    context = try decoder.decode(ModerationContext.self, from: data)
                    text = request.text
                    id = request.id
                } catch {
                    StandardError.write("stdin:\(lineNumber): error: \(Self.describe(error))")
                    failures += 1
                    continue
                }
            } else {
                text = String(decoding: line, as: UTF8.self)
            }
            do {
                let message = try segmenter.read(Array(text.utf8))
                JSONLine.write(Output(id: id, line: lineNumber, verdict: moderator.moderate(message, context: context)))
            } catch {
                StandardError.write("stdin:\(lineNumber): error: \(error)")
                failures += 1
            }
            text = ""
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// A decoding error as "field: problem".
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "invalid JSON: \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
