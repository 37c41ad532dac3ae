import ParleyTesting
import ParleyText
import ParleyVocabulary

/// Completion over the whole French trade vocabulary (issue 10: ≤ 2× ICU word break of the prefix).
struct VocabularyComplete: Workload {
    let items: [[UInt8]]
    let vocabulary: Vocabulary
    var results: [Completion] = []

    init(items: [[UInt8]]) throws {
        self.items = items
        vocabulary = try Vocabulary.load(directory: Fixtures.lexiconsDirectory + "/vocabulary", language: "fr", resources: Fixtures.textResources)
        results.reserveCapacity(Vocabulary.maximumLimit)
    }

    var count: Int { items.count }

    mutating func run(_ index: Int) -> Int {
        let vocabulary = self.vocabulary
        items[index].withUnsafeBufferPointer { vocabulary.complete(utf8: $0, into: &results) }
        return results.count
    }
}

extension Workloads {
    /// Prefixes as users type them: accents or not, hyphens, spaces, capitals, a typo.
    static let prefixes: [[UInt8]] = [
        "cafe con", "soundch", "Hip h", "sm5", "scène nat", "zénith", "backilne", "jazz man", "CDJ-3", "fiche tech",
    ].map { Array($0.utf8) }

    static let vocabulary: [String: WorkloadFactory] = [
        "icu-word-break-prefixes": { ICUWordBreak(items: prefixes) },
        "vocabulary-complete": { try VocabularyComplete(items: prefixes) },
    ]
}
