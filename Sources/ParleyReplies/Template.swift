/// One message template from `Lexicons/templates/<lang>/*.tpl`, compiled.
public struct Template: Sendable, Hashable {
    /// The conversation stage a template is for.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        case firstContact = "first-contact"
        case followUp = "follow-up"
        case negotiation
    }

    /// Who writes to whom.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        case artistToVenue = "artist-venue"
        case venueToArtist = "venue-artist"
        case bookerToArtist = "booker-artist"
        case bookerToVenue = "booker-venue"
        case any
    }

    /// Shared by every language variant of the template: `first-contact/artist-venue/presentation`.
    public var id: String
    public var language: ReplyLanguage
    public var stage: Stage
    /// A finer tag within the stage (`soft-reminder`, `urgency`, `value`, `alternative` for
    /// follow-ups; `price`, `dates`, `rider`, `contract` for negotiation); may be empty.
    public var kind: String
    public var direction: Direction
    /// A genre style (`jazz`, `rock-metal`, `electro`, `classique`, `world`) or nil for any genre.
    public var genre: String?
    /// nil: written for both registers (always so in English).
    public var register: ReplyRegister?
    /// The smallest tier whose first-message limits it is written for (only first contacts are limited).
    public var tier: MessageTier
    public var title: String
    public var body: CompiledText
    public var file: String
    /// Line of the `===` header.
    public var line: Int
    /// Line where the body starts.
    public var bodyLine: Int
}
