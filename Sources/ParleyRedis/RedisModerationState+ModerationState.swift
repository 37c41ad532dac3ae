import ParleyModeration

/// The moderation engine's state protocol, backed by Redis: pass a ``RedisModerationState`` wherever
/// `InMemoryModerationState` goes (the policy enforcer, the moderator) and every replica on the same
/// Redis shares rate limits, contact sets and fingerprints. The methods are the class's own; each is
/// one round trip and one Lua script.
extension RedisModerationState: ModerationState {}
