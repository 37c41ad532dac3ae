import ParleyModeration
import ParleyReplies
import ParleyTesting
import ParleyText
import ParleyTone

/// The shipped Lexicons, loaded once for every suite.
enum RepliesFixtures {
    static let moderation: ModerationResources = {
        do {
            return try ModerationResources.load(from: Fixtures.lexiconsDirectory)
        } catch {
            fatalError("moderation lexicons do not load:\n\(error)")
        }
    }()

    static let resources: ReplyResources = {
        do {
            return try ReplyResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources, moderation: moderation)
        } catch {
            fatalError("replies lexicons do not load:\n\(error)")
        }
    }()

    static let tone: ToneResources = {
        do {
            return try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        } catch {
            fatalError("tone lexicons do not load:\n\(error)")
        }
    }()

    /// Friday 27 March 2026, 10:00 in Paris.
    static let toneContext = ToneContext(referenceTime: 1_774_602_000)

    /// Segments, reads the tone and suggests replies, as the server does for one message.
    static func suggest(_ text: String, _ entries: [String: String] = [:]) throws -> (Message, ReplySet) {
        let segmenter = Fixtures.segmenter()
        let message = try segmenter.read(text)
        let tone = ToneAnalyzer(resources: Self.tone).analyze(message, context: toneContext)
        let values = try PlaceholderValues(catalog: resources.placeholders, entries)
        return (message, SmartReplies(resources: resources).suggest(for: message, tone: tone, values: values))
    }
}
