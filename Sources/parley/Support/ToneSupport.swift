import ArgumentParser
import Foundation
import ParleyText
import ParleyTone

/// Loading and formatting shared by `parley sentiment` and `parley tone`.
enum ToneSupport {
    static func loadResources(_ input: MessageInputOptions) throws -> ToneResources {
        let directory = try input.lexiconsDirectory()
        do {
            let text = try TextResources.load(from: directory + "/text")
            let resources = try ToneResources.load(from: directory, textResources: text)
            for warning in resources.warnings { StandardError.write(warning.description) }
            return resources
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }

    static func parseTime(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)?.timeIntervalSince1970
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// The JSON object `parley tone` writes for one message.
struct ToneJSON: Encodable {
    struct Cue: Encodable {
        var kind: String
        var text: String
        var span: TextJSON.Span
        var weight: Double
        var source: String?
    }

    struct SentimentJSON: Encodable {
        var label: String
        var compound: Double
        var words: [Cue]
    }

    struct FormalityJSON: Encodable {
        var level: String
        var score: Double
        var address: String
        var cues: [Cue]
    }

    struct UrgencyJSON: Encodable {
        var priority: String
        var symbol: String
        var score: Double
        var reasons: [Cue]
    }

    struct DeadlineJSON: Encodable {
        var text: String
        var span: TextJSON.Span
        var marker: String?
        var start: String
        var end: String
        var deadline: String
        var precision: String
    }

    struct TensionJSON: Encodable {
        var score: Double
        var shouting: Bool
        var sarcasm: Bool
        var trend: Double
        var rising: Bool
        var alert: Bool
        var cues: [Cue]
    }

    struct TipJSON: Encodable {
        var id: String
        var text: String
        var source: String
    }

    var text: String
    var language: String
    var languageGuessed: Bool
    var sentiment: SentimentJSON
    var formality: FormalityJSON
    var urgency: UrgencyJSON
    var deadlines: [DeadlineJSON]
    var tension: TensionJSON
    var tips: [TipJSON]

    init(_ report: ToneReport, message: Message) {
        func cue(_ kind: String, _ span: TextSpan, _ weight: Double, _ source: LexiconSource?) -> Cue {
            Cue(
                kind: kind, text: message.text(in: span), span: TextJSON.Span(span), weight: ToneSupport.rounded(weight),
                source: source?.description)
        }
        let zone = report.timeZone
        text = message.text
        language = report.language.rawValue
        languageGuessed = report.languageGuessed
        sentiment = SentimentJSON(
            label: report.sentiment.label.rawValue, compound: ToneSupport.rounded(report.sentiment.compound),
            words: report.sentiment.contributions.map { cue($0.negated ? "negated" : "word", $0.span, $0.valence, $0.source) })
        formality = FormalityJSON(
            level: report.formality.level.rawValue, score: ToneSupport.rounded(report.formality.score),
            address: report.formality.address.rawValue,
            cues: report.formality.cues.map { cue($0.kind.rawValue, $0.span, $0.weight, $0.source) })
        urgency = UrgencyJSON(
            priority: report.urgency.priority.rawValue, symbol: report.urgency.priority.symbol,
            score: ToneSupport.rounded(report.urgency.score),
            reasons: report.urgency.reasons.map { cue($0.kind.rawValue, $0.span, $0.weight, $0.source) })
        deadlines = report.deadlines.map { mention in
            DeadlineJSON(
                text: message.text(in: mention.span), span: TextJSON.Span(mention.span), marker: mention.marker?.rawValue,
                start: DateMention.iso8601(mention.start, timeZone: zone), end: DateMention.iso8601(mention.end, timeZone: zone),
                deadline: DateMention.iso8601(mention.deadline, timeZone: zone), precision: mention.precision.rawValue)
        }
        tension = TensionJSON(
            score: ToneSupport.rounded(report.tension.score), shouting: report.tension.shouting, sarcasm: report.tension.sarcasm,
            trend: ToneSupport.rounded(report.tension.trend.level), rising: report.tension.trend.rising,
            alert: report.tension.trend.alert,
            cues: report.tension.cues.map { cue($0.kind.rawValue, $0.span, $0.weight, $0.source) })
        tips = report.tips.map { TipJSON(id: $0.id, text: $0.text, source: $0.source.description) }
    }
}
