import ArgumentParser
import Foundation
import ParleyNegotiation
import ParleyText
import ParleyTone

/// `parley negotiate`: the negotiation view of each input message — prices, proposal kind, market
/// guidance for the deal described by the flags, and the conversation's checklist.
struct NegotiateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "negotiate",
        abstract: "Prices, proposal kind, market guidance and checklist for each input message.",
        discussion: """
            Reads one message per line on standard input (or, with --json, one JSON object per line \
            with a "text" field and an optional "side") and writes one JSON object per message. \
            The deal flags (--genre and the others) turn on market guidance from the deals file \
            (--deals, else $PARLEY_DEALS, else the shipped SAMPLE file). --conversation FILE gives \
            the history (JSON Lines with "side" and "text"): each input message is read as the next \
            message of that conversation, sent by --side. With --thread the input lines themselves \
            are one conversation (sides from "side", else alternating a, b).
            """
    )

    @OptionGroup var input: MessageInputOptions

    @Option(name: .long, help: "The messages' language (fr or en); guessed from the words when omitted.")
    var language: String?

    @Option(name: .long, help: "Genre of the deal (jazz, rock, hip-hop…): turns on market guidance.")
    var genre: String?

    @Option(name: .long, help: "Venue type: bar, club, salle, theatre, festival, prive.")
    var venueType: String?

    @Option(name: .long, help: "Venue capacity in seats.")
    var capacity: Int?

    @Option(name: .long, help: "Region slug (ile-de-france, bretagne…).")
    var region: String?

    @Option(name: .long, help: "Date of the show, YYYY-MM-DD (gives the weekday and the month).")
    var date: String?

    @Option(name: .long, help: "Deals CSV file (default: $PARLEY_DEALS, else Models/negotiation/sample-deals.csv).")
    var deals: String?

    @Option(name: .long, help: "Conversation history: JSON Lines with \"side\" and \"text\".")
    var conversation: String?

    @Option(name: .long, help: "The side sending the input messages after --conversation.")
    var side: String = "a"

    @Flag(name: .long, help: "Treat the input lines as one conversation.")
    var thread = false

    @Option(name: .long, help: "Reference time for deadlines, ISO 8601 (2026-03-28T12:00:00+01:00). Default: now.")
    var reference: String?

    @Option(name: .long, help: "IANA time zone dates are read in.")
    var timeZone: String = ToneContext.defaultTimeZone

    func validate() throws {
        if let language, ToneLanguage(code: language) == nil { throw ValidationError("--language must be fr or en") }
        if let capacity, capacity <= 0 { throw ValidationError("--capacity must be a positive number of seats") }
        if let date, parsedDate(date) == nil { throw ValidationError("--date '\(date)' is not a calendar date like 2026-07-18") }
        if genre == nil && (venueType != nil || capacity != nil || region != nil || date != nil) {
            throw ValidationError("--genre is needed with --venue-type, --capacity, --region or --date")
        }
        if let reference, ToneSupport.parseTime(reference) == nil {
            throw ValidationError("--reference '\(reference)' is not an ISO 8601 date and time like 2026-03-28T12:00:00+01:00")
        }
        if TimeZone(identifier: timeZone) == nil { throw ValidationError("--time-zone '\(timeZone)' is not a known IANA time zone") }
        if thread && conversation != nil { throw ValidationError("--thread and --conversation cannot be used together") }
    }

    private func parsedDate(_ text: String) -> (weekday: Int, month: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return DealContext.weekdayAndMonth(year: year, month: month, day: day)
    }

    func run() throws {
        let directory = try input.lexiconsDirectory()
        let segmenter = try input.makeSegmenter()
        let resources: NegotiationResources
        let tone: ToneAnalyzer
        do {
            let dealsPath = try deals ?? NegotiationResources.defaultDealsPath()
            resources = try NegotiationResources.load(lexiconsDirectory: directory, dealsPath: dealsPath, textResources: segmenter.resources)
            tone = ToneAnalyzer(resources: try ToneResources.load(from: directory, textResources: segmenter.resources))
        } catch {
            StandardError.write("\(error)")
            throw ExitCode(2)
        }
        let analyzer = NegotiationAnalyzer(resources: resources)
        let now = reference.flatMap(ToneSupport.parseTime) ?? Date().timeIntervalSince1970
        var deal: DealContext?
        if let genre {
            let day = date.flatMap(parsedDate)
            deal = DealContext(genre: genre, venueType: venueType, capacity: capacity, region: region, weekday: day?.weekday, month: day?.month)
        }
        let context = NegotiationContext(language: language, deal: deal, referenceTime: now)
        func dates(_ message: Message) -> [DateMention] {
            tone.analyze(message, context: ToneContext(language: language, referenceTime: now, timeZone: timeZone)).deadlines
        }

        var history = NegotiationConversation()
        if let conversation {
            try readHistory(conversation, segmenter: segmenter) { message, side in
                history.record(analyzer.read(message, language: language), side: side, dates: dates(message))
            }
        }
        var turn = 0
        var failures = 0
        var reader = LineReader()
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            var text = String(decoding: line, as: UTF8.self)
            var sender = thread ? (turn % 2 == 0 ? "a" : "b") : side
            if input.json {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let field = object["text"] as? String else {
                    StandardError.write("stdin:\(lineNumber): error: expected a JSON object with a string field \"text\"")
                    failures += 1
                    continue
                }
                text = field
                if let given = object["side"] as? String { sender = given }
            }
            turn += 1
            let message: Message
            do {
                message = try segmenter.read(Array(text.utf8))
            } catch {
                StandardError.write("stdin:\(lineNumber): error: \(error)")
                failures += 1
                continue
            }
            let found = dates(message)
            let view = analyzer.analyze(message, side: sender, context: context, conversation: history, dates: found)
            if thread { history.record(view.reading, side: sender, dates: found) }
            JSONLine.write(NegotiateJSON(text: text, side: sender, view: view))
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Reads a history file: one JSON object per line with "side" and "text"; exits 2 on a bad line.
    private func readHistory(_ path: String, segmenter: Segmenter, _ body: (Message, String) -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            StandardError.write("\(path): error: cannot read the conversation file")
            throw ExitCode(2)
        }
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let text = object["text"] as? String, let side = object["side"] as? String
            else {
                StandardError.write("\(path):\(number):1: error: expected a JSON object with string fields \"side\" and \"text\"")
                throw ExitCode(2)
            }
            do {
                body(try segmenter.read(text), side)
            } catch {
                StandardError.write("\(path):\(number):1: error: \(error)")
                throw ExitCode(2)
            }
        }
    }
}

/// The JSON object `parley negotiate` writes for one message.
struct NegotiateJSON: Encodable {
    var text: String
    var side: String
    var view: NegotiationView

    enum CodingKeys: String, CodingKey { case text, side, language, proposal, prices, extras, topics, guidance, warnings, checklist }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(side, forKey: .side)
        try container.encode(view.reading.language, forKey: .language)
        try container.encode(view.reading.proposal, forKey: .proposal)
        try container.encode(view.reading.prices, forKey: .prices)
        try container.encode(view.reading.extras, forKey: .extras)
        try container.encode(view.reading.topics.map(\.topic), forKey: .topics)
        try container.encodeIfPresent(view.guidance, forKey: .guidance)
        try container.encode(view.warnings, forKey: .warnings)
        try container.encode(view.checklist, forKey: .checklist)
    }
}
