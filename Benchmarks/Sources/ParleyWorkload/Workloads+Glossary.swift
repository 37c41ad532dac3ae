import ParleyTesting
import ParleyText
import ParleyTranslation

/// The translation glossary on messages already segmented: the trade terms of each message, looked
/// up French → English and English → French (the engine looks up one direction per message).
struct GlossaryMatch: Workload {
    let messages: [Message]
    let glossary: Glossary

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        glossary = try Glossary.load(directory: Fixtures.lexiconsDirectory + "/glossary", textResources: Fixtures.textResources)
    }

    var count: Int { messages.count }

    func run(_ index: Int) -> Int {
        glossary.matches(in: messages[index], from: .french, to: .english).count
            + glossary.matches(in: messages[index], from: .english, to: .french).count
    }
}

/// The translation memory on messages already segmented: exact, then fuzzy lookup French → English.
struct MemoryLookup: Workload {
    let messages: [Message]
    let memory: TranslationMemory

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        memory = try TranslationMemory.load(directory: Fixtures.lexiconsDirectory + "/memory", textResources: Fixtures.textResources)
    }

    var count: Int { messages.count }

    func run(_ index: Int) -> Int {
        memory.lookup(messages[index], from: .french, to: .english)?.target.utf8.count ?? 0
    }
}

extension Workloads {
    static let glossary: [String: WorkloadFactory] = [
        "glossary-match": { try GlossaryMatch(items: WorkloadInput.messages) },
        "glossary-memory-lookup": { try MemoryLookup(items: WorkloadInput.messages) },
    ]
}
