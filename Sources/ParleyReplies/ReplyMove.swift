/// What a suggested reply does with the received message. The three replies to one message always
/// have three different moves, so the user picks a direction, not a wording.
public enum ReplyMove: String, Sendable, Hashable, Codable, CaseIterable {
    /// Gives the answer asked for ("notre cachet est de 1 500 €").
    case answer
    /// Asks a question back to answer well ("pour quelle date et quelle durée de set ?").
    case ask
    /// Proposes to talk it over ("cela dépend de plusieurs facteurs, parlons-en ?").
    case discuss
    /// Sends a document through the platform (rate card, rider, contract draft).
    case share
    /// Takes time, or hands over to someone else ("je reviens vers vous demain").
    case `defer`
    /// Agrees.
    case accept
    /// Declines, politely.
    case decline
    /// Puts an alternative on the table (another date, another format).
    case propose
    /// Thanks or acknowledges.
    case acknowledge
}
