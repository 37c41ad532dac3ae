/// One past booking deal, as the deals file records it.
public struct Deal: Hashable, Sendable, Codable {
    /// How a deal ended.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case signed, declined, expired
    }

    /// Genre as the deals file writes it (`jazz`, `hip-hop`).
    public var genre: String
    /// Venue type (`bar`, `club`, `salle`, `theatre`, `festival`, `prive`).
    public var venueType: String
    /// Seats.
    public var capacity: Int
    /// Region slug (`ile-de-france`).
    public var region: String
    /// ISO weekday: Monday 1 … Sunday 7.
    public var weekday: Int
    /// 1…12.
    public var month: Int
    /// Fee in euros before tax.
    public var fee: Double
    public var outcome: Outcome

    public init(
        genre: String, venueType: String, capacity: Int, region: String, weekday: Int, month: Int, fee: Double,
        outcome: Outcome
    ) {
        self.genre = genre
        self.venueType = venueType
        self.capacity = capacity
        self.region = region
        self.weekday = weekday
        self.month = month
        self.fee = fee
        self.outcome = outcome
    }
}
