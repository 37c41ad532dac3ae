import ArgumentParser
import Foundation
import ParleyText
import ParleyTone

/// `parley tone`: one message per line → JSON Lines with sentiment, formality, urgency, deadlines,
/// tension and tips.
struct ToneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tone",
        abstract: "Read the tone of each input line: sentiment, formality, urgency, deadlines, tension, tips.",
        discussion: """
            Reads one message per line on standard input (or, with --json, one JSON object per line \
            with a "text" field) and writes one JSON object per message. Dates are resolved from \
            --reference in --time-zone. With --conversation the lines are one conversation between \
            two sides taking turns (line 1 side a, line 2 side b, …): each message gets the other \
            side's previous message for register tips and the tension trend of the last messages.
            """
    )

    @OptionGroup var input: MessageInputOptions

    @Option(name: .long, help: "The messages' language (fr or en); guessed from the words when omitted.")
    var language: String?

    @Option(name: .long, help: "Reference time for relative dates, ISO 8601 (2026-03-28T12:00:00+01:00). Default: now.")
    var reference: String?

    @Option(name: .long, help: "IANA time zone dates are read in.")
    var timeZone: String = ToneContext.defaultTimeZone

    @Flag(name: .long, help: "Treat the lines as one conversation between two sides taking turns.")
    var conversation = false

    func validate() throws {
        if let reference, ToneSupport.parseTime(reference) == nil {
            throw ValidationError("--reference '\(reference)' is not an ISO 8601 date and time like 2026-03-28T12:00:00+01:00")
        }
        if TimeZone(identifier: timeZone) == nil {
            throw ValidationError("--time-zone '\(timeZone)' is not a known IANA time zone")
        }
        if let language, !["fr", "en"].contains(language.lowercased().prefix(2)) {
            throw ValidationError("--language must be fr or en")
        }
    }

    func run() throws {
        let segmenter = try input.makeSegmenter()
        let analyzer = ToneAnalyzer(resources: try ToneSupport.loadResources(input))
        let referenceTime = reference.flatMap(ToneSupport.parseTime) ?? Date().timeIntervalSince1970
        var history = ConversationTone()
        var turn = 0
        try input.forEachMessage(segmenter) { message in
            let side = turn % 2 == 0 ? "a" : "b"
            turn += 1
            let context =
                conversation
                ? history.context(for: side, language: language, referenceTime: referenceTime, timeZone: timeZone)
                : ToneContext(language: language, referenceTime: referenceTime, timeZone: timeZone)
            let report = analyzer.analyze(message, context: context)
            if conversation { history.record(report, side: side) }
            JSONLine.write(ToneJSON(report, message: message))
        }
    }
}
