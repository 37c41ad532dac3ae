/// Everything ParleyTone reads in one message.
public struct ToneReport: Hashable, Sendable, Codable {
    /// The language whose lexicons were used first (given by the caller, or guessed).
    public var language: ToneLanguage
    /// Whether ``language`` was guessed from the words because the caller gave none.
    public var languageGuessed: Bool
    public var sentiment: Sentiment
    public var formality: Formality
    public var urgency: Urgency
    /// Date and time expressions, resolved; those with a marker are deadlines.
    public var deadlines: [DateMention]
    public var tension: Tension
    public var tips: [Tip]
    /// The time zone the dates were resolved in.
    public var timeZone: String

    public init(
        language: ToneLanguage, languageGuessed: Bool, sentiment: Sentiment, formality: Formality,
        urgency: Urgency, deadlines: [DateMention], tension: Tension, tips: [Tip], timeZone: String
    ) {
        self.language = language
        self.languageGuessed = languageGuessed
        self.sentiment = sentiment
        self.formality = formality
        self.urgency = urgency
        self.deadlines = deadlines
        self.tension = tension
        self.tips = tips
        self.timeZone = timeZone
    }
}
