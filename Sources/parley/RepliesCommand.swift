import ArgumentParser
import Foundation
import ParleyReplies
import ParleyText
import ParleyTone

/// `parley replies`: one received message per line → JSON Lines with its intent and three replies.
struct RepliesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replies",
        abstract: "Suggest three replies to each received message: its intent, and answer / ask back / defer… in its language and register.",
        discussion: """
            Reads one message per line on standard input, or with --json one object per line: \
            {"text": "Quel est votre cachet ?", "context": {"fee": "1 500 €", "venue": "Le Périscope"}, \
            "language": "fr", "register": "vous"} (only "text" is required). Context keys are those of \
            Lexicons/templates/placeholders.map (or placeholder names such as CACHET); --set gives \
            values for every line. Placeholders without a value stay visible ([CACHET]). Writes one \
            JSON object per message; a bad line is reported on standard error and the exit status is 1.
            """
    )

    @OptionGroup var input: MessageInputOptions

    @Option(name: .long, help: "Answer in this language (fr or en) instead of the message's.")
    var language: String?

    @Option(name: .long, help: "Answer in this register (tu or vous) instead of the message's.")
    var register: String?

    @Option(name: .long, help: "A context value for every message, key=value (repeatable): --set fee='1 500 €'.")
    var set: [String] = []

    func validate() throws {
        _ = try RepliesSupport.language(language)
        if let register, ReplyRegister(rawValue: register) == nil { throw ValidationError("--register must be tu or vous") }
        _ = try RepliesSupport.context(set)
    }

    func run() throws {
        let loaded = try RepliesSupport.load(try input.lexiconsDirectory())
        let tone = ToneAnalyzer(resources: try ToneSupport.loadResources(input))
        let segmenter = try Segmenter(resources: loaded.text, limits: TextLimits(maximumBytes: input.maxBytes))
        let engine = SmartReplies(resources: loaded.replies)
        let defaults = try RepliesSupport.context(set)
        let now = Date().timeIntervalSince1970
        var reader = LineReader()
        var lineNumber = 0
        var failures = 0
        var message = Message()
        var replies = ReplySet()
        func fail(_ text: String) {
            StandardError.write("stdin:\(lineNumber): error: \(text)")
            failures += 1
        }
        while let line = reader.next() {
            lineNumber += 1
            // Plain lines go to the segmenter as bytes, so invalid UTF-8 is reported, not repaired.
            var request = RepliesRequest(text: "")
            var bytes = line
            if input.json {
                do {
                    request = try JSONDecoder().decode(RepliesRequest.self, from: Data(line))
                } catch {
                    fail("expected a JSON object with a string field \"text\" (and optional \"context\", \"language\", \"register\"): \(RepliesRequest.describe(error))")
                    continue
                }
                bytes = Array(request.text.utf8)
            }
            let lineLanguage = request.language ?? language
            if let lineLanguage, ReplyLanguage(code: lineLanguage) == nil {
                fail("language: '\(lineLanguage)' is not fr or en")
                continue
            }
            let lineRegister = request.register ?? register
            if let lineRegister, ReplyRegister(rawValue: lineRegister) == nil {
                fail("register: '\(lineRegister)' is not tu or vous")
                continue
            }
            let values: PlaceholderValues
            do {
                values = try PlaceholderValues(catalog: loaded.replies.placeholders, defaults.merging(request.context ?? [:]) { $1 })
            } catch {
                fail("context: \(error)")
                continue
            }
            do {
                try segmenter.read(bytes, into: &message)
            } catch {
                fail("\(error)")
                continue
            }
            let report = tone.analyze(message, context: ToneContext(language: lineLanguage, referenceTime: now))
            engine.suggest(
                for: message, language: report.language,
                register: lineRegister.flatMap(ReplyRegister.init(rawValue:)) ?? ReplyRegister(answering: report.formality),
                values: values, into: &replies)
            JSONLine.write(RepliesJSON(replies, message: message))
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// One JSON Lines input of `parley replies`.
struct RepliesRequest: Decodable {
    var text: String
    var context: [String: String]?
    var language: String?
    var register: String?

    init(text: String) { self.text = text }

    /// A decoding error as "field: problem".
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, _): return "\(key.stringValue): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}

/// The JSON object `parley replies` writes for one message.
struct RepliesJSON: Encodable {
    struct Cue: Encodable {
        var intent: String
        var text: String
        var span: TextJSON.Span
        var weight: Double
        var source: String
    }

    struct ReplyJSON: Encodable {
        var move: String
        var text: String
        var unfilled: [String]
        var source: String
    }

    var text: String
    var intent: String
    var confidence: Double
    var cues: [Cue]
    var language: String
    var register: String
    var replies: [ReplyJSON]

    init(_ set: ReplySet, message: Message) {
        text = message.text
        intent = set.reading.intent.rawValue
        confidence = ToneSupport.rounded(set.reading.confidence)
        cues = set.reading.cues.map {
            Cue(intent: $0.intent.rawValue, text: message.text(in: $0.span), span: TextJSON.Span($0.span), weight: $0.weight, source: $0.source)
        }
        language = set.language.rawValue
        register = set.register.rawValue
        replies = set.replies.map { ReplyJSON(move: $0.move.rawValue, text: set.text(of: $0), unfilled: set.unfilled(of: $0), source: $0.source) }
    }
}
