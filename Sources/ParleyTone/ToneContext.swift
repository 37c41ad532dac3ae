/// What the analysis of one message needs besides the message.
public struct ToneContext: Sendable {
    /// The default time zone: Flow Stage is a French platform.
    public static let defaultTimeZone = "Europe/Paris"

    /// The message's language (`fr`, `en`, `fr-FR`…); nil or another language: guessed from the words.
    public var language: String?
    /// "Now" for relative dates ("demain", "dans 3 jours"), in seconds since 1970-01-01 UTC.
    public var referenceTime: Double
    /// IANA time zone the dates are read in; with an unknown zone no date is resolved (the CLI and
    /// server check the name first).
    public var timeZone: String
    /// The other side's previous message, analysed: for register-matching tips.
    public var previous: ToneReport?
    /// Tension of the conversation's recent messages, oldest first (both sides); only the last few count.
    public var recentTensions: [Double]

    public init(
        language: String? = nil, referenceTime: Double, timeZone: String = ToneContext.defaultTimeZone,
        previous: ToneReport? = nil, recentTensions: [Double] = []
    ) {
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
    /// The last few messages, oldest first, with the side that wrote each.
    public private(set) var recent: [(side: String, report: ToneReport)] = []

    public init() {}

    /// Tension of the recent messages, oldest first.
    public var recentTensions: [Double] { recent.map(\.report.tension.score) }

    /// Records a message written by `side` (any stable id: a user id, "artist", "venue").
    /// - Complexity: O(1) (the history is a handful of messages).
    public mutating func record(_ report: ToneReport, side: String) {
        recent.append((side, report))
        if recent.count > ConflictHeuristics.historyLength { recent.removeFirst() }
    }

    /// The context for the next message written by `side`: the latest recent message written by
    /// someone else, and the tension of the recent messages.
    /// - Complexity: O(history length), a handful of messages; allocates the tension list.
    public func context(
        for side: String, language: String? = nil, referenceTime: Double,
        timeZone: String = ToneContext.defaultTimeZone
    ) -> ToneContext {
        let previous = recent.last { $0.side != side }?.report
        return ToneContext(
            language: language, referenceTime: referenceTime, timeZone: timeZone,
            previous: previous, recentTensions: recentTensions)
    }
}
