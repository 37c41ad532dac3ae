import ArgumentParser
import ParleyModeration
import ParleyText

/// `parley explain "message"`: the verdict in words, with the matched spans marked.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a message gets its verdict: rules, weights, lexicon lines and marked spans."
    )

    @Argument(help: "The message (reads standard input when omitted).")
    var text: String?

    @Option(name: .long, help: "The message's language (fr, en) for the reason sentence.")
    var language: String?

    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS or the nearest Lexicons/).")
    var lexicons: String?

    func run() throws {
        guard let directory = lexicons ?? ResourceLocator.lexiconsDirectory() else {
            throw ValidationError("cannot find the Lexicons folder: pass --lexicons or set PARLEY_LEXICONS")
        }
        var input = text
        if input == nil {
            var reader = LineReader()
            var lines: [String] = []
            while let line = reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
            input = lines.joined(separator: "\n")
        }
        let resources = try ModerationSupport.load(directory)
        let segmenter = try ModerationSupport.segmenter(for: resources, maxBytes: TextLimits().maximumBytes)
        let message = try segmenter.read(input ?? "")
        let moderator = Moderator(resources: resources)
        moderator.signalReporting = .always
        let verdict = moderator.moderate(message, context: ModerationContext(language: language))
        print(Self.render(verdict, message: message))
    }

    /// The report: verdict line, the text with [[marked]] spans, one block per rule.
    static func render(_ verdict: Verdict, message: Message) -> String {
        var lines: [String] = []
        let scores = verdict.scores.sorted { $0.key < $1.key }.map { "\($0.key) \(ModerationSupport.format($0.value))" }
        lines.append("\(verdict.action.rawValue.uppercased())  label: \(verdict.label)\(verdict.report.map { " (\($0))" } ?? "")  scores: \(scores.joined(separator: ", "))")
        if !verdict.reason.isEmpty { lines.append("reason (\(verdict.language)): \(verdict.reason)") }
        var spans = verdict.rules.flatMap { $0.matches.map(\.span.utf8) }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var marked = ""
        var cursor = 0
        let bytes = message.original
        for span in spans where span.lowerBound >= cursor {
            marked += String(decoding: bytes[cursor..<span.lowerBound], as: UTF8.self)
            marked += "[[" + String(decoding: bytes[span], as: UTF8.self) + "]]"
            cursor = span.upperBound
        }
        marked += String(decoding: bytes[cursor...], as: UTF8.self)
        lines.append("text: \(marked)")
        for rule in verdict.rules {
            let weight = rule.weight == 0 ? "signal" : (rule.weight > 0 ? "+" : "") + ModerationSupport.format(rule.weight)
            lines.append("  \(rule.symbol) [\(rule.category) \(weight)] \(rule.description)\(rule.detail.map { " (\($0))" } ?? "")")
            if rule.matches.isEmpty { lines.append("      defined at \(rule.source)") }
            for match in rule.matches {
                lines.append("      \"\(match.text)\" bytes \(match.span.utf8.lowerBound)..<\(match.span.utf8.upperBound) utf16 \(match.span.utf16.lowerBound)..<\(match.span.utf16.upperBound) ← \(match.source ?? rule.source)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
