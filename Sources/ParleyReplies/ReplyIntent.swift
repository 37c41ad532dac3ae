/// What a received message asks or says, as far as answering it goes.
///
/// The names are the ones cue and reply files use (`@intent fee-question`).
public enum ReplyIntent: String, Sendable, Hashable, Codable, CaseIterable {
    /// "Quel est votre cachet habituel ?", "What's your fee?"
    case feeQuestion = "fee-question"
    /// "Êtes-vous disponibles le 12 juin ?", "Are you free on June 12?"
    case availability
    /// Rider, backline, sound, stage: "Vous avez une fiche technique ?"
    case technical
    /// Contract, invoice, deposit, cancellation clause.
    case contract
    /// "Bonjour !", "Hi there".
    case greeting
    /// "Merci pour votre retour".
    case thanks
    /// "Ce ne sera pas possible cette fois".
    case refusal
    /// Times, set length, soundcheck slot, moving a date.
    case scheduling
    /// "Avez-vous eu le temps de réfléchir ?", "Any news?"
    case followUp = "follow-up"
    /// "C'est validé pour nous", "Deal!"
    case acceptance
    /// "On peut monter à 1 200 €, pas plus", "Could you do it for less?"
    case counterOffer = "counter-offer"
    /// Travel, accommodation, meals, parking, load-in.
    case logistics
    /// No cue matched: a neutral acknowledgement.
    case other

    /// The intents a cue file may name (every case but ``other``).
    public static let cued: [ReplyIntent] = allCases.filter { $0 != .other }
}
