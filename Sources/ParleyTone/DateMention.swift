import ParleyText

/// A date or time expression found in a message, resolved to absolute instants.
public struct DateMention: Hashable, Sendable, Codable {
    public enum Precision: String, Hashable, Sendable, Codable {
        /// A whole day (or several: a weekend).
        case day
        /// A part of a day ("tomorrow morning").
        case part
        /// A time of day.
        case time
    }

    /// Where the expression is, including its marker ("avant", "by").
    public var span: TextSpan
    /// How it was introduced; nil for a bare date ("le 15 mars").
    public var marker: DeadlineMarker?
    /// Start of the period it names, seconds since 1970-01-01 UTC.
    public var start: Double
    /// End of the period (the same as `start` for a time), seconds since 1970.
    public var end: Double
    public var precision: Precision
    /// The instant the message asks for: the start of the period after "avant/before", its end otherwise.
    public var deadline: Double {
        marker == .before ? start : (marker == .in ? start : end)
    }
    /// Introduced as a deadline ("avant", "d'ici", "by", "dans", "au plus tard").
    public var isDeadline: Bool { marker != nil }

    public init(span: TextSpan, marker: DeadlineMarker?, start: Double, end: Double, precision: Precision) {
        self.span = span
        self.marker = marker
        self.start = start
        self.end = end
        self.precision = precision
    }
}

/// A date expression as read from the words, before it is resolved against a reference time.
struct DateExpression: Hashable, Sendable {
    enum Anchor: Hashable, Sendable {
        case dayOffset(Int)
        case weekday(Int)
        case weekend(Int)
        case endOf(DateUnit)
        case date(day: Int, month: Int, year: Int?)
        case dayOfMonth(Int)
        case duration(Int, DateUnit)
        /// Only a time or part of day: today, or tomorrow when it has passed.
        case today
    }

    var anchor: Anchor
    var hour: Int?
    var minute: Int = 0
    /// A part of the day, hours start..<end.
    var part: (start: Int, end: Int)? {
        get { partStart.map { ($0, partEnd) } }
        set {
            partStart = newValue?.start
            partEnd = newValue?.end ?? 0
        }
    }
    var partStart: Int?
    var partEnd: Int = 0
    var marker: DeadlineMarker?
    /// Units covered, first to last.
    var units: Range<Int>
}

extension DateMention {
    /// An instant as ISO 8601 with the zone's offset at that instant (`2026-03-29T18:00:00+02:00`).
    /// - Complexity: uses Foundation's Calendar; for reports, not for the per-message path.
    public static func iso8601(_ seconds: Double, timeZone: String) -> String {
        DateResolver.iso8601(seconds, timeZone: timeZone)
    }
}
