/// What a caller wants a template for. Unset fields do not filter.
public struct TemplateQuery: Sendable, Hashable {
    public var language: ReplyLanguage
    public var stage: Template.Stage?
    /// A finer tag within the stage (`soft-reminder`, `price`…).
    public var kind: String?
    public var direction: Template.Direction?
    /// A genre name or style (`jazz`, `Hard Rock`, `électro`); templates of its style come first,
    /// genre-neutral ones after, templates of other styles never.
    public var genre: String?
    /// The register to write in (French); templates in the other register come last.
    public var register: ReplyRegister?
    /// The sender's tier: templates written for a higher tier are left out.
    public var tier: MessageTier

    public init(
        language: ReplyLanguage, stage: Template.Stage? = nil, kind: String? = nil, direction: Template.Direction? = nil,
        genre: String? = nil, register: ReplyRegister? = nil, tier: MessageTier = .bookerPro
    ) {
        self.language = language
        self.stage = stage
        self.kind = kind
        self.direction = direction
        self.genre = genre
        self.register = register
        self.tier = tier
    }
}
