import ParleyModeration

/// The body of `POST /v1/attachments/check`: one attachment and who sends it.
public struct AttachmentCheckRequest: Codable, Hashable, Sendable {
    /// `pdf`, `image`, `audio`, `video` (the keys of `policy.attachment_megabytes_by_type`).
    public var type: String
    /// At most ``maximumBytes``.
    public var bytes: Int
    public var durationSeconds: Double?
    public var verificationLevel: String?

    /// The largest `bytes` accepted, 2^53 − 1: the largest integer every JSON reader keeps exact
    /// (openapi.yaml declares it, and schemathesis checks that more is refused).
    public static let maximumBytes = (1 << 53) - 1
}

/// The answer: allowed, or the limits that failed (from the moderation rules, with their details).
public struct AttachmentCheckResponse: Codable, Hashable, Sendable {
    public struct FailedLimit: Codable, Hashable, Sendable {
        public var symbol: String
        public var description: String
        /// `type=video bytes=… limit=…`.
        public var detail: String?
    }

    public var allowed: Bool
    public var action: ModerationAction
    public var failed: [FailedLimit]
    public var resourcesVersion: String

    /// Reads the verdict of an attachment-only moderation: the rules it fired are the failed limits.
    init(verdict: Verdict, resourcesVersion: String) {
        allowed = verdict.action == .allow
        action = verdict.action
        failed = verdict.rules.filter { $0.weight > 0 || $0.category == "policy" }
            .map { FailedLimit(symbol: $0.symbol, description: $0.description, detail: $0.detail) }
        self.resourcesVersion = resourcesVersion
    }
}
