#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyTesting
import ParleyText
import ParleyTranslation

/// ParleyTranslation: French chat messages (the French side of ../shared/data/parallel/chat-dev.tsv),
/// already segmented, translated to English with the bundled model (issue 9: ≥ 2,000 sentences/s per core).
struct TranslateMessages: Workload {
    let messages: [Message]
    let translator: Translator

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        translator = Translator(models: [try TranslationModel(directory: Fixtures.modelsDirectory + "/translation", from: .french, to: .english)])
    }

    var count: Int { messages.count }

    func run(_ index: Int) throws -> Int {
        try translator.translate(messages[index], from: .french, to: .english).text.utf8.count
    }
}

extension WorkloadInput {
    /// The French side of chat-dev.tsv (157 booking-chat messages).
    static let frenchChat: [[UInt8]] = {
        let path = Fixtures.sharedDataDirectory + "/parallel/chat-dev.tsv"
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.split(separator: "\t").first.map { Array($0.utf8) }
        }
    }()
}

extension Workloads {
    static let translation: [String: WorkloadFactory] = [
        "translate": { try TranslateMessages(items: WorkloadInput.frenchChat) },
        "icu-word-break-chat-fr": { ICUWordBreak(items: WorkloadInput.frenchChat) },
    ]
}
