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

    /// Position in ``allCases``. O(1).
    var index: Int {
        switch self {
        case .fee: return 0
        case .date: return 1
        case .setLength: return 2
        case .rider: return 3
        case .soundcheck: return 4
        case .travel: return 5
        case .accommodation: return 6
        case .meals: return 7
        case .promotion: return 8
        case .rights: return 9
        case .payment: return 10
        case .cancellation: return 11
        case .contract: return 12
        }
    }
}
