import ParleyModeration
import ParleyReplies
import ParleyTesting
import ParleyText
import ParleyTone

/// ParleyReplies on messages already segmented and read by ParleyTone (the stages share one
/// `Message` and one tone report per message; the `tone` workload measures that stage): the intent
/// and three replies, built into a reused set.
struct RepliesSuggest: Workload {
    let messages: [Message]
    let registers: [(language: ReplyLanguage, register: ReplyRegister)]
    let engine: SmartReplies
    let values: PlaceholderValues
    var set = ReplySet()

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        let lexicons = Fixtures.lexiconsDirectory
        let moderation = try ModerationResources.load(from: lexicons)
        let resources = try ReplyResources.load(from: lexicons, textResources: Fixtures.textResources, moderation: moderation)
        let tone = ToneAnalyzer(resources: try ToneResources.load(from: lexicons, textResources: Fixtures.textResources))
        let context = ToneContext(referenceTime: 1_774_602_000)
        registers = messages.map {
            let report = tone.analyze($0, context: context)
            return (report.language, ReplyRegister(answering: report.formality))
        }
        engine = SmartReplies(resources: resources)
        values = try PlaceholderValues(catalog: resources.placeholders, ["fee": "1 500 €", "date": "samedi 14 juin", "venue": "Le Périscope"])
    }

    var count: Int { messages.count }

    mutating func run(_ index: Int) -> Int {
        let read = registers[index]
        engine.suggest(for: messages[index], language: read.language, register: read.register, values: values, into: &set)
        return set.bytes.count &+ set.reading.cues.count
    }
}

extension Workloads {
    static let replies: [String: WorkloadFactory] = [
        "replies": { try RepliesSuggest(items: WorkloadInput.messages) },
    ]
}
