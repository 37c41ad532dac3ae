import ParleyLanguage
import ParleyTesting
import ParleyText

/// ParleyLanguage on messages already segmented: what language ID adds (issue 4: ≤ 3× ICU word break).
struct LanguageID: Workload {
    let messages: [Message]
    let recognizer: LanguageRecognizer

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        recognizer = LanguageRecognizer(model: try LanguageModel(contentsOf: Fixtures.modelsDirectory + "/langid/langid.bin"))
    }

    var count: Int { messages.count }

    func run(_ index: Int) -> Int {
        recognizer.dominantLanguage(for: messages[index]) == nil ? 0 : 1
    }
}

extension Workloads {
    static let language: [String: WorkloadFactory] = [
        "language-id": { try LanguageID(items: WorkloadInput.messages) },
    ]
}
