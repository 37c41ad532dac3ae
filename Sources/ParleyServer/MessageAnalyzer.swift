import Foundation  // ISO8601DateFormatter
import ParleyLanguage
import ParleyModeration
import ParleyText
import ParleyTone

/// One worker's tools over one ``ResourceSnapshot``: a segmenter, a moderator, a tone analyzer and
/// a language recognizer. Not `Sendable` (the segmenter and moderator own ICU objects and scratch
/// buffers): ``AnalyzerPool`` lends each to one request at a time.
final class MessageAnalyzer {
    let snapshot: ResourceSnapshot
    private let segmenter: Segmenter
    private let moderator: Moderator
    private let enforcer: PolicyEnforcer
    private let tone: ToneAnalyzer
    private let recognizer: LanguageRecognizer
    private let maximumRecent: Int
    private let sources: RelativeSources
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
        moderator = Moderator(resources: snapshot.moderation)
        enforcer = PolicyEnforcer(resources: snapshot.moderation)
        tone = ToneAnalyzer(resources: snapshot.tone)
        recognizer = LanguageRecognizer(model: snapshot.languageModel)
        maximumRecent = configuration.maximumRecentMessages
        sources = RelativeSources(lexiconsDirectory: snapshot.lexiconsDirectory)
    }

    /// Analyses one message; `pointer` is where the request sits in the body (`""` or `/messages/3`).
    /// - Throws: ``Problem`` naming the bad field (text too long, bad time or time zone), or 503
    ///   when the moderation state store fails.
    /// - Complexity: one segmentation, language, moderation and tone pass, plus a segmentation,
    ///   language and tone pass per recent message; the state store is awaited once.
    func analyze(_ request: AnalyzeRequest, at pointer: String, state: any ModerationState) async throws(Problem) -> AnalyzeResponse {
        let context = request.context
        let referenceTime = try self.referenceTime(context, at: pointer)
        let zone = try timeZone(context, at: pointer)
        var history = ConversationTone()
        let recent = context.recent ?? []
        let skipped = max(0, recent.count - maximumRecent)
        for (index, earlier) in recent.enumerated().dropFirst(skipped) {
            let message = try read(earlier.text, at: pointer + "/context/recent/\(index)/text")
            let language = recognizer.dominantLanguage(for: message)?.rawValue
            let report = tone.analyze(message, context: history.context(
                for: earlier.senderId, language: language, referenceTime: referenceTime, timeZone: zone))
            history.record(report, side: earlier.senderId)
        }
        let message = try read(request.text, at: pointer + "/text")
        let language = recognizer.recognize(message)
        let code = language.dominantLanguage?.rawValue
        let verdict = try await verdict(moderation(of: message, context: context, language: code, referenceTime: referenceTime), state: state)
        let report = tone.analyze(message, context: history.context(
            for: context.senderId, language: code, referenceTime: referenceTime, timeZone: zone))
        return AnalyzeResponse(
            messageId: context.messageId, conversationId: context.conversationId, moderation: sources.relative(verdict),
            language: LanguageJSON(language), tone: sources.relative(report), counts: CountsJSON(message), resourcesVersion: snapshot.version)
    }

    /// Moderates one message, the per-message fast path: no tone, no language model (the moderator
    /// guesses the language of its reason cheaply).
    /// - Complexity: one segmentation and moderation pass; the state store is awaited once.
    func moderate(_ request: AnalyzeRequest, at pointer: String, state: any ModerationState) async throws(Problem) -> ModerateResponse {
        let moderation = try moderation(of: request, at: pointer)
        return response(request, try await verdict(moderation, state: state))
    }

    /// ``moderate(_:at:state:)`` with a state that answers at once: runs without suspending, so
    /// that the server can answer on its network thread.
    /// - Complexity: one segmentation and moderation pass, and the state's operations.
    func moderate(_ request: AnalyzeRequest, at pointer: String, state: some SynchronousModerationState) throws(Problem) -> ModerateResponse {
        let moderation = try moderation(of: request, at: pointer)
        let findings = enforcer.enforce(moderation.facts, context: moderation.context, state: state, now: moderation.now)
        return response(request, moderator.moderate(moderation.message, context: moderation.context, findings: findings))
    }

    /// Checks one attachment against the policy limits (type, size, duration, verification level):
    /// the moderator reads an empty message carrying only the attachment.
    /// - Complexity: one moderation pass over an empty message; no state.
    func checkAttachment(_ request: AttachmentCheckRequest, at pointer: String) throws(Problem) -> AttachmentCheckResponse {
        guard request.bytes >= 0 else { throw Problem.invalidValue(pointer + "/bytes", "bytes must not be negative") }
        // The contract's bound (openapi.yaml): the largest integer every JSON reader keeps exact.
        guard request.bytes <= AttachmentCheckRequest.maximumBytes else {
            throw Problem.invalidValue(pointer + "/bytes", "bytes must be at most \(AttachmentCheckRequest.maximumBytes)")
        }
        if let duration = request.durationSeconds, !(duration >= 0) {
            throw Problem.invalidValue(pointer + "/durationSeconds", "durationSeconds must not be negative")
        }
        let context = ModerationContext(
            verification: request.verificationLevel,
            attachments: [MessageAttachment(type: request.type, bytes: request.bytes, durationSeconds: request.durationSeconds)])
        let verdict = moderator.moderate(try read("", at: pointer), context: context)
        return AttachmentCheckResponse(verdict: verdict, resourcesVersion: snapshot.version)
    }

    /// A message read and ready for moderation: everything but the state's answers.
    private struct Moderation {
        let message: Message
        let context: ModerationContext
        let facts: MessageFacts
        let now: Int64
    }

    /// Checks a moderation request's fields and reads its text.
    private func moderation(of request: AnalyzeRequest, at pointer: String) throws(Problem) -> Moderation {
        let referenceTime = try self.referenceTime(request.context, at: pointer)
        _ = try timeZone(request.context, at: pointer)  // unused here, but the contract says a bad one is refused
        let message = try read(request.text, at: pointer + "/text")
        return moderation(of: message, context: request.context, language: nil, referenceTime: referenceTime)
    }

    private func moderation(of message: Message, context: MessageContext, language: String?, referenceTime: Double) -> Moderation {
        let now = Int64(referenceTime.rounded(.down))
        let moderation = ModerationContext(
            language: language, sender: context.senderId, recipient: context.recipientId, timestamp: now,
            verification: context.verificationLevel, tier: context.tier, isFirstMessage: context.firstMessage ?? false,
            isNewContact: context.newContact ?? false)
        return Moderation(message: message, context: moderation, facts: enforcer.facts(of: message, context: moderation), now: now)
    }

    private func verdict(_ moderation: Moderation, state: any ModerationState) async throws(Problem) -> Verdict {
        let findings: [PolicyFinding]
        do {
            findings = try await enforcer.enforce(moderation.facts, context: moderation.context, state: state, now: moderation.now)
        } catch {
            throw Problem.stateUnavailable("\(error)")
        }
        return moderator.moderate(moderation.message, context: moderation.context, findings: findings)
    }

    private func response(_ request: AnalyzeRequest, _ verdict: Verdict) -> ModerateResponse {
        ModerateResponse(messageId: request.context.messageId, conversationId: request.context.conversationId,
                         moderation: sources.relative(verdict), resourcesVersion: snapshot.version)
    }

    /// Checks the fields the contract constrains beyond their JSON type (`sentAt` a date-time,
    /// `timeZone` a known IANA zone), so that a batch with one bad field is refused whole, like a
    /// body that does not decode, before any message is analysed or counted.
    /// - Complexity: a date parse and a set look-up (a zone look-up the first time a zone is seen).
    func validateContext(of request: AnalyzeRequest, at pointer: String) throws(Problem) {
        _ = try referenceTime(request.context, at: pointer)
        _ = try timeZone(request.context, at: pointer)
    }

    private func referenceTime(_ context: MessageContext, at pointer: String) throws(Problem) -> Double {
        guard let sentAt = context.sentAt else { return Date().timeIntervalSince1970 }
        guard Self.isDateTimeShape(sentAt), let time = (timeParser.date(from: sentAt) ?? fractionalTimeParser.date(from: sentAt))?.timeIntervalSince1970 else {
            throw Problem.invalidValue(pointer + "/context/sentAt", "'\(sentAt)' is not an RFC 3339 date-time like 2026-03-28T12:00:00+01:00")
        }
        return time
    }

    private func timeZone(_ context: MessageContext, at pointer: String) throws(Problem) -> String {
        let zone = context.timeZone ?? ToneContext.defaultTimeZone
        if !knownZones.contains(zone) {
            guard Self.isZoneName(zone), TimeZone(identifier: zone) != nil else {
                throw Problem.invalidValue(pointer + "/context/timeZone", "'\(zone)' is not a known IANA time zone")
            }
            knownZones.insert(zone)
        }
        return zone
    }

    /// Whether `text` has the shape openapi.yaml gives `sentAt`,
    /// `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`; the
    /// date parser then checks the values (no 13th month).
    static func isDateTimeShape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= bytes.count && range.allSatisfy { (48...57).contains(bytes[$0]) } }
        func byte(_ index: Int, _ value: Character) -> Bool { index < bytes.count && bytes[index] == value.asciiValue! }
        guard digits(0..<4), byte(4, "-"), digits(5..<7), byte(7, "-"), digits(8..<10), byte(10, "T"),
              digits(11..<13), byte(13, ":"), digits(14..<16), byte(16, ":"), digits(17..<19) else { return false }
        var index = 19
        if byte(index, ".") {
            index += 1
            guard digits(index..<(index + 1)) else { return false }
            while digits(index..<(index + 1)) { index += 1 }
        }
        if byte(index, "Z") { return index + 1 == bytes.count }
        guard byte(index, "+") || byte(index, "-") else { return false }
        return digits((index + 1)..<(index + 3)) && byte(index + 3, ":") && digits((index + 4)..<(index + 6)) && index + 6 == bytes.count
    }

    /// Whether `name` has the shape openapi.yaml gives a time zone, `^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$`
    /// (`Europe/Paris`, `America/Argentina/Salta`, `Etc/GMT+5`, `UTC`): Foundation also reads
    /// offsets such as `GMT+01:00`, which the contract does not offer.
    static func isZoneName(_ name: String) -> Bool {
        var parts = 0
        var partLength = 0
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                guard partLength > 0 else { return false }
                parts += 1
                partLength = 0
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                partLength += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard parts > 0 || partLength > 0 else { return false }  // the name starts with a letter
                partLength += 1
            default:
                return false
            }
        }
        return partLength > 0 && parts <= 2
    }

    private func read(_ text: String, at pointer: String) throws(Problem) -> Message {
        do {
            return try segmenter.read(text)
        } catch {
            throw Problem.from(error, pointer: pointer)
        }
    }
}
