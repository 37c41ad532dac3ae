/// How a sentiment modifier acts on the sentiment words around it (`Lexicons/*/sentiment-modifiers.map`).
enum SentimentModifier: String, Sendable, CaseIterable {
    case booster, dampener, negation, ne
    case negationAfterNe = "negation-ne"
    case contrast
}

/// A register cue (`Lexicons/*/formality.map`).
public enum FormalityCueKind: String, Sendable, Codable, CaseIterable {
    case address, greeting, signoff, slang, marker
    /// Computed from the message, not from the lexicon: many emoji, or runs of exclamation marks.
    case emoji, punctuation
}

/// A conflict cue (`Lexicons/*/conflict.map`).
public enum ConflictCueKind: String, Sendable, Codable, CaseIterable {
    case accusation, ultimatum, cancel, legal, sarcasm, insult, hostility
    /// A threat to the person, not to the deal ("tu vas le regretter", "watch your back").
    case threat
    /// Computed from the message: most words in capitals.
    case shouting
}

/// A word of the date grammar (`Lexicons/*/dates.map`).
enum DateWord: Sendable, Hashable {
    case weekday(Int)
    case month(Int)
    case day(Int)
    case dayPart(offset: Int, start: Int, end: Int)
    case part(start: Int, end: Int)
    case time(hour: Int, minute: Int)
    case weekend(Int)
    case endOf(DateUnit)
    case unit(DateUnit)
    case count(Int)
    case marker(DeadlineMarker)
    case next(Int)
    case hourMark
    /// am (0) or pm (12).
    case meridiem(Int)
    case filler
}

/// A calendar unit in a date expression.
public enum DateUnit: String, Sendable, Codable, CaseIterable {
    case minute, hour, day, week, month
}

/// How a date expression is introduced.
public enum DeadlineMarker: String, Sendable, Codable, CaseIterable {
    /// "avant", "before": the deadline is the start of what follows.
    case before
    /// "d'ici", "by", "jusqu'à": the deadline is the end of what follows.
    case by
    /// "dans", "in": a duration from now.
    case `in`
}
