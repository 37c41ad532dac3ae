/// A point a booking has to settle; the checklist's rows, in `Lexicons/negotiation/topics.map`'s order.
public enum Topic: String, Hashable, Sendable, Codable, CaseIterable {
    case fee
    /// The date and times.
    case date
    case setLength = "set-length"
    /// The technical rider and backline.
    case rider
    case soundcheck
    case travel
    case accommodation
    case meals
    case promotion
    /// Performing rights (SACEM).
    case rights
    /// The deposit and payment terms.
    case payment
    /// The cancellation clause.
    case cancellation
    case contract

    var index: Int { Self.allCases.firstIndex(of: self)! }
}
