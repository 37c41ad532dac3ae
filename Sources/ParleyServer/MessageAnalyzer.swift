import Foundation  // ISO8601DateFormatter
import ParleyLanguage
import ParleyText
import ParleyTone

/// One worker's tools over one ``ResourceSnapshot``: a segmenter, a tone analyzer and a language
/// recognizer. Not `Sendable` (the segmenter owns ICU iterators): ``AnalyzerPool`` lends each to one
/// request at a time.
final class MessageAnalyzer {
    let snapshot: ResourceSnapshot
    private let segmenter: Segmenter
    private let tone: ToneAnalyzer
    private let recognizer: LanguageRecognizer
    private let maximumRecent: Int
    /// Time zone names already checked, so that each is looked up once per worker.
    private var knownZones: Set<String> = [ToneContext.defaultTimeZone]
    private let timeParser = ISO8601DateFormatter()
    private let fractionalTimeParser: ISO8601DateFormatter = {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return parser
    }()

    init(snapshot: ResourceSnapshot, configuration: ServerConfiguration) throws(TextError) {
        self.snapshot = snapshot
        segmenter = try Segmenter(resources: snapshot.text, limits: TextLimits(maximumBytes: configuration.maximumMessageBytes))
        tone = ToneAnalyzer(resources: snapshot.tone)
        recognizer = LanguageRecognizer(model: snapshot.languageModel)
        maximumRecent = configuration.maximumRecentMessages
    }

    /// Analyses one message; `pointer` is where the request sits in the body (`""` or `/messages/3`).
    /// - Throws: ``Problem`` naming the bad field (text too long, bad time or time zone).
    /// - Complexity: one segmentation, language and tone pass per message, recent ones included.
    func analyze(_ request: AnalyzeRequest, at pointer: String) throws(Problem) -> (AnalyzeResponse, Message) {
        let context = request.context
        let referenceTime: Double
        if let sentAt = context.sentAt {
            guard let time = parseTime(sentAt) else {
                throw Problem.invalidValue(pointer + "/context/sentAt", "'\(sentAt)' is not an RFC 3339 date-time like 2026-03-28T12:00:00+01:00")
            }
            referenceTime = time
        } else {
            referenceTime = Date().timeIntervalSince1970
        }
        let zone = context.timeZone ?? ToneContext.defaultTimeZone
        if !knownZones.contains(zone) {
            guard TimeZone(identifier: zone) != nil else {
                throw Problem.invalidValue(pointer + "/context/timeZone", "'\(zone)' is not a known IANA time zone")
            }
            knownZones.insert(zone)
        }
        var history = ConversationTone()
        for (index, earlier) in (context.recent ?? []).suffix(maximumRecent).enumerated() {
            let offset = (context.recent?.count ?? 0) - min(maximumRecent, context.recent?.count ?? 0) + index
            let message = try read(earlier.text, at: pointer + "/context/recent/\(offset)/text")
            let language = recognizer.dominantLanguage(for: message)?.rawValue
            let report = tone.analyze(message, context: history.context(
                for: earlier.senderId, language: language, referenceTime: referenceTime, timeZone: zone))
            history.record(report, side: earlier.senderId)
        }
        let message = try read(request.text, at: pointer + "/text")
        let language = recognizer.recognize(message)
        let report = tone.analyze(message, context: history.context(
            for: context.senderId, language: language.dominantLanguage?.rawValue, referenceTime: referenceTime, timeZone: zone))
        let response = AnalyzeResponse(
            messageId: context.messageId, conversationId: context.conversationId, language: LanguageJSON(language),
            tone: report, counts: CountsJSON(message), resourcesVersion: snapshot.version)
        return (response, message)
    }

    private func read(_ text: String, at pointer: String) throws(Problem) -> Message {
        do {
            return try segmenter.read(text)
        } catch {
            throw Problem.from(error, pointer: pointer)
        }
    }

    private func parseTime(_ text: String) -> Double? {
        (timeParser.date(from: text) ?? fractionalTimeParser.date(from: text))?.timeIntervalSince1970
    }
}
