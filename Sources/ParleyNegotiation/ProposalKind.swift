/// What a message does in the negotiation, read from its wording (`Lexicons/negotiation/proposals.map`).
public enum ProposalKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing about the deal's terms.
    case none
    /// Puts a price or terms on the table ("Nous proposons 1 500 €").
    case offer
    /// Answers a price with another ("Plutôt 1 800 €", "How about $1,200?").
    case counterOffer
    /// Accepts what is on the table ("Ok pour 1 500 €", "Deal").
    case acceptance
    /// Turns a price or term down without a new one ("Trop cher pour nous").
    case refusal
    /// Ends the deal ("Nous ne donnerons pas suite").
    case withdrawal
    /// Asks for a price ("Quel est votre cachet ?").
    case question
}
