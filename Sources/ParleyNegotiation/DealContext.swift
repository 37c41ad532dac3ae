/// What the caller knows about the deal being negotiated; market guidance compares with past deals
/// like it. Every field but the genre is optional: what is missing is simply not matched on.
public struct DealContext: Hashable, Sendable, Codable {
    /// Genre as the deals file writes it (`jazz`, `hip-hop`); lower case.
    public var genre: String
    /// `bar`, `club`, `salle`, `theatre`, `festival`, `prive`.
    public var venueType: String?
    /// Seats.
    public var capacity: Int?
    /// Region slug (`ile-de-france`).
    public var region: String?
    /// ISO weekday of the show: Monday 1 … Sunday 7.
    public var weekday: Int?
    /// Month of the show, 1…12.
    public var month: Int?

    public init(
        genre: String, venueType: String? = nil, capacity: Int? = nil, region: String? = nil, weekday: Int? = nil,
        month: Int? = nil
    ) {
        self.genre = genre.lowercased()
        self.venueType = venueType?.lowercased()
        self.capacity = capacity
        self.region = region?.lowercased()
        self.weekday = weekday
        self.month = month
    }

    /// Sets ``weekday`` and ``month`` from a calendar date (proleptic Gregorian); nil when the date
    /// does not exist. Pure arithmetic, no Foundation.
    public static func weekdayAndMonth(year: Int, month: Int, day: Int) -> (weekday: Int, month: Int)? {
        let lengths = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= lengths[month - 1] else { return nil }
        // Days since 1970-01-01 (Howard Hinnant's days_from_civil); 1970-01-01 was a Thursday (4).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let weekday = ((days % 7) + 7 + 3) % 7 + 1
        return (weekday, month)
    }
}
