/// What the analysis of one message needs besides the message.
public struct ToneContext: Sendable {
    /// The default time zone: Flow Stage is a French platform.
    public static let defaultTimeZone = "Europe/Paris"

    /// The message's language (`fr`, `en`, `fr-FR`…); nil or another language: guessed from the words.
    public var language: String?
    /// "Now" for relative dates ("demain", "dans 3 jours"), in seconds since 1970-01-01 UTC.
    public var referenceTime: Double
    /// IANA time zone the dates are read in.
    public var timeZone: String
    /// The other side's previous message, analysed: for register-matching tips.
    public var previous: ToneReport?
    /// Tension of the conversation's recent messages, oldest first (both sides); only the last few count.
    public var recentTensions: [Double]

    public init(language: String? = nil, referenceTime: Double, timeZone: String = ToneContext.defaultTimeZone,
                previous: ToneReport? = nil, recentTensions: [Double] = []) {
        self.language = language
        self.referenceTime = referenceTime
        self.timeZone = timeZone
        self.previous = previous
        self.recentTensions = recentTensions
    }
}

/// A conversation's running context: feed it each analysed message in order and it provides the
/// ``ToneContext/previous`` and ``ToneContext/recentTensions`` of the next one.
public struct ConversationTone: Sendable {
    /// Last message of each side.
    public private(set) var lastBySide: [String: ToneReport] = [:]
    public private(set) var recentTensions: [Double] = []

    public init() {}

    /// Records a message written by `side` (any stable id: a user id, "artist", "venue").
    /// - Complexity: O(1).
    public mutating func record(_ report: ToneReport, side: String) {
        lastBySide[side] = report
        recentTensions.append(report.tension.score)
        if recentTensions.count > ConflictHeuristics.historyLength { recentTensions.removeFirst() }
    }

    /// The context for the next message written by `side`: the other side's last message and the trend.
    public func context(for side: String, language: String? = nil, referenceTime: Double,
                        timeZone: String = ToneContext.defaultTimeZone) -> ToneContext {
        let previous = lastBySide.first { $0.key != side }?.value
        return ToneContext(language: language, referenceTime: referenceTime, timeZone: timeZone,
            previous: previous, recentTensions: recentTensions)
    }
}
