import ParleyTone

/// How a French reply addresses the reader. English replies ignore it (their patterns say `any`).
public enum ReplyRegister: String, Sendable, Hashable, Codable, CaseIterable {
    case tu, vous

    /// The register to answer in: the one the writer used ("tu" for "tu", "vous" for "vous"); with no
    /// address word, "tu" for a familiar message and "vous" otherwise (a professional platform).
    /// - Complexity: O(1).
    public init(answering formality: Formality) {
        switch formality.address {
        case .tu: self = .tu
        case .vous: self = .vous
        case .none: self = formality.level == .familiar ? .tu : .vous
        }
    }
}
