/// A ``ModerationState`` whose operations complete at once, without I/O or suspension (the memory
/// of this process). With one, ``PolicyEnforcer`` runs synchronously, and the server can answer
/// `/v1/moderate` on its network thread without scheduling a task.
public protocol SynchronousModerationState: ModerationState {
    /// ``ModerationState/countEvent(key:now:windowSeconds:limit:)``, at once.
    func countEvent(key: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome

    /// ``ModerationState/addMember(key:member:now:windowSeconds:limit:)``, at once.
    func addMember(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome

    /// ``ModerationState/recordFingerprint(key:fingerprint:recipient:now:windowSeconds:maxHamming:)``, at once.
    func recordFingerprint(key: String, fingerprint: UInt64, recipient: String, now: Int64, windowSeconds: Int,
                           maxHamming: Int) -> Int
}
