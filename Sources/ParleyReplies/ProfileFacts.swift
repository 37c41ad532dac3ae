/// What the caller knows about the sender and the recipient that can open a first message. Parley
/// holds no profiles: the platform computes these facts (shared influences, collaborations) and
/// passes them in.
public struct ProfileFacts: Sendable, Hashable, Codable {
    /// Influences both profiles list ("Miles Davis", "Nina Simone").
    public var sharedInfluences: [String]
    /// Artists, venues or festivals both have worked with ("le Festival Jazz à Vienne").
    public var collaborations: [String]
    /// The region the recipient could grow an audience in, or both are based in ("Bretagne").
    public var region: String?
    /// The recipient's latest release ("Nocturnes", an album out last month).
    public var recentRelease: String?
    /// A recent press or radio appearance of the recipient ("FIP", "Télérama").
    public var press: String?

    public init(
        sharedInfluences: [String] = [], collaborations: [String] = [], region: String? = nil, recentRelease: String? = nil,
        press: String? = nil
    ) {
        self.sharedInfluences = sharedInfluences
        self.collaborations = collaborations
        self.region = region
        self.recentRelease = recentRelease
        self.press = press
    }

    enum CodingKeys: String, CodingKey {
        case sharedInfluences = "shared_influences", collaborations, region, recentRelease = "recent_release", press
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sharedInfluences = try container.decodeIfPresent([String].self, forKey: .sharedInfluences) ?? []
        collaborations = try container.decodeIfPresent([String].self, forKey: .collaborations) ?? []
        region = try container.decodeIfPresent(String.self, forKey: .region)
        recentRelease = try container.decodeIfPresent(String.self, forKey: .recentRelease)
        press = try container.decodeIfPresent(String.self, forKey: .press)
    }
}

/// The kinds of fact an ice-breaker can start from, as `icebreakers.txt` names them.
public enum IceBreakerFact: String, Sendable, Hashable, Codable, CaseIterable {
    case sharedInfluences = "shared-influences"
    case pastCollaboration = "past-collaboration"
    case region
    case recentRelease = "recent-release"
    case press
}

/// One opening line for a first message, ranked.
public struct IceBreaker: Sendable, Hashable {
    public var fact: IceBreakerFact
    public var text: String
    /// The fact's weight from the file plus what makes it stronger (more shared influences or
    /// collaborations); higher first.
    public var score: Double
    /// `file:line` of the pattern.
    public var source: String
}
