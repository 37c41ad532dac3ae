import Foundation
import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("Policy limits")
struct PolicyTests {
    let resources = ModerationTestSupport.bundled

    func moderate(_ text: String, _ context: ModerationContext, state: InMemoryModerationState, now: Int64) async throws -> Verdict {
        let message = try Fixtures.segmenter().read(text)
        let enforcer = PolicyEnforcer(resources: resources)
        let findings = try await enforcer.enforce(enforcer.facts(of: message, context: context), context: context, state: state, now: now)
        return Moderator(resources: resources).moderate(message, context: context, findings: findings)
    }

    @Test("the synchronous enforcement finds what the awaited one finds")
    func synchronousMatchesAwaited() async throws {
        let enforcer = PolicyEnforcer(resources: resources)
        let awaited: any ModerationState = InMemoryModerationState()
        let immediate = InMemoryModerationState()
        let segmenter = Fixtures.segmenter()
        var broken: Set<String> = []
        for index in 0..<60 {
            // Same text to many recipients (bulk), new contacts (contact limit), 60 in an hour (rate).
            let message = try segmenter.read("Salut, dispo pour une date le \(index % 3 + 1) mars ? Réponds vite")
            let context = ModerationContext(sender: "artist", recipient: "venue-\(index)", timestamp: 1_000 + Int64(index),
                                            isNewContact: true)
            let facts = enforcer.facts(of: message, context: context)
            let expected = try await enforcer.enforce(facts, context: context, state: awaited, now: 0)
            // From a synchronous function: in an async one, the awaited overload is preferred.
            func enforceNow() -> [PolicyFinding] { enforcer.enforce(facts, context: context, state: immediate, now: 0) }
            let found = enforceNow()
            #expect(found == expected, "message \(index)")
            broken.formUnion(found.map(\.symbol.rawValue))
        }
        #expect(broken == ["POLICY_RATE_LIMIT", "POLICY_CONTACT_LIMIT", "BULK_NEAR_DUPLICATE"], "\(broken)")
    }

    @Test("50 messages an hour per sender, the 51st is blocked and not counted, the window slides")
    func rateLimit() async throws {
        let state = InMemoryModerationState()
        let context = ModerationContext(sender: "artist-1", recipient: "venue-1")
        for index in 0..<50 {
            let verdict = try await moderate("message \(index)", context, state: state, now: 1_000 + Int64(index))
            #expect(verdict.action == .allow)
        }
        let refused = try await moderate("one more", context, state: state, now: 1_100)
        #expect(refused.action == .block)
        #expect(refused.rules.contains { $0.symbol == "POLICY_RATE_LIMIT" && $0.detail?.contains("limit=50") == true })
        let other = try await moderate("hello", ModerationContext(sender: "artist-2"), state: state, now: 1_100)
        #expect(other.action == .allow)
        let later = try await moderate("after an hour", context, state: state, now: 1_000 + 3_600)
        #expect(later.action == .allow)
    }

    @Test("new contacts a day by verification level", arguments: [
        ("unverified", 5), ("identity", 15), ("business", 50), ("pro", 50), (nil, 10),
    ] as [(String?, Int)])
    func contacts(level: String?, limit: Int) async throws {
        let state = InMemoryModerationState()
        // One message every 100 s keeps the sender under 50 an hour.
        for index in 0..<limit {
            let context = ModerationContext(sender: "s", recipient: "r\(index)", verification: level, isNewContact: true)
            #expect(try await moderate("Bonjour !", context, state: state, now: Int64(index) * 100).action == .allow)
        }
        let end = Int64(limit) * 100
        let again = ModerationContext(sender: "s", recipient: "r0", verification: level, isNewContact: true)
        #expect(try await moderate("Bonjour !", again, state: state, now: end).action == .allow)
        let extra = ModerationContext(sender: "s", recipient: "r-extra", verification: level, isNewContact: true)
        let verdict = try await moderate("Bonjour !", extra, state: state, now: end + 100)
        #expect(verdict.rules.contains { $0.symbol == "POLICY_CONTACT_LIMIT" })
        let tomorrow = try await moderate("Bonjour !", extra, state: state, now: end + 86_400)
        #expect(tomorrow.action == .allow)
    }

    @Test("certified accounts have no contact limit")
    func certified() async throws {
        let state = InMemoryModerationState()
        for index in 0..<200 {
            let context = ModerationContext(sender: "c", recipient: "r\(index)", verification: "certified", isNewContact: true)
            #expect(try await moderate("Bonjour", context, state: state, now: Int64(index) * 100).action == .allow)  // under 50 an hour
        }
    }

    @Test("first-message length by tier, in graphemes")
    func firstMessage() {
        func verdict(_ text: String, tier: String?) -> Verdict {
            ModerationTestSupport.verdict(text, context: ModerationContext(tier: tier, isFirstMessage: true))
        }
        let hook301 = String(repeating: "é", count: 301)
        #expect(verdict(hook301, tier: nil).action == .block)
        #expect(verdict(hook301, tier: "super_like").action == .allow)
        let long = String(repeating: "a", count: 250) + "\n" + String(repeating: "👍🏽", count: 800)
        #expect(verdict(long, tier: "standard").action == .block)
        #expect(verdict(long, tier: "super_like").action == .allow)
        #expect(verdict(String(repeating: "b", count: 5_000), tier: "booker_pro").action == .allow)
        #expect(ModerationTestSupport.verdict(hook301).action == .allow)  // not a first message
    }

    @Test("attachment caps by type and by verification level")
    func attachments() {
        func verdict(_ attachment: MessageAttachment, level: String?) -> Verdict {
            ModerationTestSupport.verdict("voici le fichier", context: ModerationContext(verification: level, attachments: [attachment]))
        }
        let megabyte = 1_000_000
        #expect(verdict(MessageAttachment(type: "pdf", bytes: 20 * megabyte), level: "pro").action == .allow)
        #expect(verdict(MessageAttachment(type: "pdf", bytes: 26 * megabyte), level: "certified").action == .block)
        #expect(verdict(MessageAttachment(type: "image", bytes: 11 * megabyte), level: "certified").action == .block)
        #expect(verdict(MessageAttachment(type: "audio", bytes: 14 * megabyte), level: "identity").action == .allow)
        #expect(verdict(MessageAttachment(type: "audio", bytes: 6 * megabyte), level: "unverified").action == .block)
        #expect(verdict(MessageAttachment(type: "video", bytes: 40 * megabyte, durationSeconds: 200), level: "business").action == .allow)
        let tooLong = verdict(MessageAttachment(type: "video", bytes: 40 * megabyte, durationSeconds: 301), level: "business")
        #expect(tooLong.rules.contains { $0.symbol == "POLICY_ATTACHMENT_DURATION" })
        #expect(verdict(MessageAttachment(type: "video", bytes: 60 * megabyte), level: "certified").action == .block)
    }

    @Test("the same promotion to many recipients is bulk spam; pro bookers may send grouped messages")
    func bulk() async throws {
        let state = InMemoryModerationState()
        let texts = (0..<6).map { "Salut \(["Léa", "Tom", "Max", "Zoé", "Noé", "Ana"][$0]) ! Découvrez notre nouvel album en écoute sur notre site, et venez nous voir en tournée cet été" }
        var verdicts: [Verdict] = []
        for (index, text) in texts.enumerated() {
            let context = ModerationContext(sender: "promo", recipient: "r\(index)")
            verdicts.append(try await moderate(text, context, state: state, now: 100 + Int64(index)))
        }
        #expect(verdicts[0].label == "ok")
        #expect(verdicts.last!.rules.contains { $0.symbol == "BULK_NEAR_DUPLICATE" })
        #expect(verdicts.last!.label == "spam")
        let pro = InMemoryModerationState()
        for (index, text) in texts.enumerated() {
            let context = ModerationContext(sender: "booker", recipient: "r\(index)", tier: "booker_pro")
            #expect(try await moderate(text, context, state: pro, now: 100).label == "ok")
        }
    }
}

@Suite("InMemoryModerationState")
struct InMemoryModerationStateTests {
    @Test("check-and-count never counts a refused event")
    func countEvent() {
        let state = InMemoryModerationState()
        for second in 0..<3 {
            let outcome = state.countEvent(key: "k", now: Int64(second), windowSeconds: 10, limit: 3)
            #expect(outcome.allowed)
            #expect(outcome.count == second + 1)
        }
        let refused = state.countEvent(key: "k", now: 5, windowSeconds: 10, limit: 3)
        #expect(!refused.allowed)
        let later = state.countEvent(key: "k", now: 10, windowSeconds: 10, limit: 3)
        #expect(later.allowed)  // the event at 0 left the window; the refused one was never counted
        #expect(later.count == 3)
        let unlimited = state.countEvent(key: "u", now: 0, windowSeconds: 10, limit: nil)
        #expect(unlimited.allowed)
    }

    @Test("a member already in the set is not counted twice")
    func members() {
        let state = InMemoryModerationState()
        #expect(state.addMember(key: "s", member: "a", now: 0, windowSeconds: 100, limit: 1).allowed)
        #expect(state.addMember(key: "s", member: "a", now: 1, windowSeconds: 100, limit: 1).allowed)
        #expect(!state.addMember(key: "s", member: "b", now: 2, windowSeconds: 100, limit: 1).allowed)
        #expect(state.addMember(key: "s", member: "b", now: 101, windowSeconds: 100, limit: 1).allowed)
    }

    @Test("fingerprints count distinct recipients of near-duplicates in the window")
    func fingerprints() {
        let state = InMemoryModerationState()
        let base: UInt64 = 0xF0F0_F0F0_1234_5678
        #expect(state.recordFingerprint(key: "s", fingerprint: base, recipient: "r1", now: 0, windowSeconds: 60, maxHamming: 3) == 1)
        #expect(state.recordFingerprint(key: "s", fingerprint: base ^ 0b101, recipient: "r2", now: 1, windowSeconds: 60, maxHamming: 3) == 2)
        #expect(state.recordFingerprint(key: "s", fingerprint: base, recipient: "r2", now: 2, windowSeconds: 60, maxHamming: 3) == 2)
        #expect(state.recordFingerprint(key: "s", fingerprint: ~base, recipient: "r3", now: 3, windowSeconds: 60, maxHamming: 3) == 1)
        #expect(state.recordFingerprint(key: "s", fingerprint: base, recipient: "r4", now: 100, windowSeconds: 60, maxHamming: 3) == 1)
    }

    @Test("keys whose every entry expired are swept, so memory follows the recent senders")
    func sweep() {
        let state = InMemoryModerationState()
        for sender in 0..<5_000 { _ = state.countEvent(key: "old-\(sender)", now: 0, windowSeconds: 3_600, limit: 50) }
        for sender in 0..<5_000 { _ = state.countEvent(key: "new-\(sender)", now: 10_000, windowSeconds: 3_600, limit: 50) }
        // One sweep ran at the 4,096th call (nothing expired yet), the next at the 8,192nd (every
        // "old" key had expired by then): only the 5,000 recent senders are left.
        #expect(state.keyCount == 5_000)
        // A count still sees the live entries.
        #expect(state.countEvent(key: "new-0", now: 10_001, windowSeconds: 3_600, limit: 50).count == 2)
    }

    @Test("a message dated in the future does not sweep away today's entries")
    func futureDatedSweep() {
        let state = InMemoryModerationState()
        let today = Int64(Date().timeIntervalSince1970)
        _ = state.countEvent(key: "today", now: today, windowSeconds: 3_600, limit: 50)
        for sender in 0..<5_000 { _ = state.countEvent(key: "future-\(sender)", now: today + 1_000_000, windowSeconds: 3_600, limit: 50) }
        #expect(state.countEvent(key: "today", now: today + 1, windowSeconds: 3_600, limit: 50).count == 2)
    }
}

@Suite("ModerationContext")
struct ModerationContextTests {
    @Test("decodes the JSON fields parley check and the server accept")
    func decoding() throws {
        let json = """
            {"text": "x", "language": "en", "sender": "a", "recipient": "b", "verification": "identity", "tier": "super_like",
             "first_message": true, "new_contact": true, "attachments": [{"type": "video", "bytes": 10, "durationSeconds": 12.5}]}
            """
        let context = try JSONDecoder().decode(ModerationContext.self, from: Data(json.utf8))
        #expect(context.language == "en")
        #expect(context.isFirstMessage && context.isNewContact)
        #expect(context.attachments == [MessageAttachment(type: "video", bytes: 10, durationSeconds: 12.5)])
        let empty = try JSONDecoder().decode(ModerationContext.self, from: Data("{}".utf8))
        #expect(empty == ModerationContext())
    }
}
