import NIOConcurrencyHelpers
import ParleyModeration

/// Per-sender counters and message fingerprints in Redis, shared by every sidecar replica that
/// points at the same server: the Redis implementation of the moderation engine's
/// `ModerationState` (the conformance is in `RedisModerationState+ModerationState.swift`).
///
/// Each operation is one Lua script (trim the window, check, update, set the TTL), so it is atomic
/// across replicas: 60 messages from one sender spread over any number of replicas get exactly 50
/// through a 50-an-hour limit. Keys are `keyPrefix + key` (the engine passes `rate:<sender>`,
/// `contacts:<sender>`, `bulk:<sender>`); every key has a TTL of its window.
///
/// When Redis fails (unreachable, timeout, error reply), no call throws, crashes or hangs: each
/// answers per ``failureMode`` within the client's timeouts, and ``errorCount`` grows (export it
/// as a metric). The client reconnects on the next call.
public final class RedisModerationState: Sendable {
    public let client: RedisClient
    public let keyPrefix: String
    public let failureMode: RedisFailureMode
    /// Fingerprints kept per sender (the newest); bounds the script's scan (O(entries) inside Redis,
    /// which serves everyone from one thread) however fast one sends. 200 is four times the
    /// 50-an-hour message limit; a bulk sender is caught long before, among its latest messages.
    public let maxFingerprintsPerKey: Int

    private struct Failures {
        var count = 0
        var last: RedisError?
    }
    private let failures = NIOLockedValueBox(Failures())
    private let onError: (@Sendable (_ operation: String, _ error: RedisError) -> Void)?

    /// Cost: O(1); nothing connects until the first call.
    /// - Parameter onError: called on each failure (before the ``failureMode`` answer) with the
    ///   operation (the engine's key family: `rate`, `contacts`, `bulk`) and the error; the
    ///   server counts them as a metric. Called on the request's task: keep it cheap.
    public init(
        client: RedisClient, keyPrefix: String = "parley:", failureMode: RedisFailureMode = .failOpen,
        maxFingerprintsPerKey: Int = 200,
        onError: (@Sendable (_ operation: String, _ error: RedisError) -> Void)? = nil
    ) {
        self.client = client
        self.keyPrefix = keyPrefix
        self.failureMode = failureMode
        self.maxFingerprintsPerKey = maxFingerprintsPerKey
        self.onError = onError
    }

    /// Redis failures since start (each answered per ``failureMode``). Cost: one lock.
    public var errorCount: Int { failures.withLockedValue { $0.count } }

    /// The most recent Redis failure, for logs and the admin endpoint. Cost: one lock.
    public var lastError: RedisError? { failures.withLockedValue { $0.last } }

    /// Counts one event for `key` in a sliding window of `windowSeconds` ending at `now` (events at
    /// or before `now - windowSeconds` are out), unless the window already holds `limit` events
    /// (nil: unlimited), in which case nothing is counted and `count` is the refused event's rank.
    /// Cost: one script run, O(log n) in the window's events, one round trip.
    public func countEvent(key: String, now: Int64, windowSeconds: Int, limit: Int?) async throws -> LimitOutcome {
        // A member no other event has (time + 64 random bits): the event is admitted as a new member.
        let event = String(now) + "-" + String(UInt64.random(in: .min ... .max), radix: 36)
        return await admit(key: key, member: event, now: now, windowSeconds: windowSeconds, limit: limit)
    }

    /// Adds `member` to the set of `key` for the window (a member already in it is always allowed,
    /// not counted twice, and keeps the time it was first added), unless the set already holds
    /// `limit` members. Cost: one script run, O(log n), one round trip.
    public func addMember(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) async throws -> LimitOutcome {
        await admit(key: key, member: member, now: now, windowSeconds: windowSeconds, limit: limit)
    }

    /// Records a message fingerprint sent by `key` to `recipient` and returns how many distinct
    /// recipients received, within the window, a message whose fingerprint is at most `maxHamming`
    /// bits away (this one included). Cost: one script run, O(n) in the sender's fingerprints in
    /// the window (at most ``maxFingerprintsPerKey``), one round trip.
    public func recordFingerprint(
        key: String, fingerprint: UInt64, recipient: String, now: Int64, windowSeconds: Int,
        maxHamming: Int
    ) async throws -> Int {
        do throws(RedisError) {
            let reply = try await client.evaluate(
                RedisModerationScripts.recordFingerprint, keys: [keyPrefix + key],
                arguments: [
                    String(now), String(windowSeconds), String(fingerprint >> 32), String(fingerprint & 0xFFFF_FFFF),
                    recipient, String(maxHamming), String(maxFingerprintsPerKey),
                ])
            let count = try reply.int()
            return Int(count)
        } catch {
            record(error, key: key)
            switch failureMode {
            case .failOpen: return 1
            case .failClosed: return Int.max
            }
        }
    }

    private func admit(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) async -> LimitOutcome {
        do throws(RedisError) {
            let reply = try await client.evaluate(
                RedisModerationScripts.admit, keys: [keyPrefix + key],
                arguments: [String(now), String(windowSeconds), String(limit ?? -1), member])
            let values = try reply.array()
            guard values.count == 2 else { throw .unexpectedReply(expected: "{allowed, count}", got: reply.description) }
            return LimitOutcome(allowed: try values[0].int() == 1, count: Int(try values[1].int()))
        } catch {
            record(error, key: key)
            switch failureMode {
            case .failOpen: return LimitOutcome(allowed: true, count: 0)
            case .failClosed: return LimitOutcome(allowed: false, count: (limit ?? 0) + 1)
            }
        }
    }

    private func record(_ error: RedisError, key: String) {
        failures.withLockedValue {
            $0.count += 1
            $0.last = error
        }
        if let onError {
            // The key family (`rate:<sender>` → `rate`): a bounded label, never a user id.
            let operation = key.firstIndex(of: ":").map { String(key[..<$0]) } ?? "other"
            onError(operation, error)
        }
    }
}
