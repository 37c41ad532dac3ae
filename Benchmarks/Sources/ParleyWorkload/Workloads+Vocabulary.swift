import ParleyTesting
import ParleyText
import ParleyVocabulary

extension Workloads {
    /// Prefixes as users type them: accents or not, hyphens, spaces, capitals, a typo.
    static let prefixes: [[UInt8]] = [
        "cafe con", "soundch", "Hip h", "sm5", "scène nat", "zénith", "backilne", "jazz man", "CDJ-3", "fiche tech",
    ].map { Array($0.utf8) }

    static func vocabularyWorkloads() -> [String: () throws -> Workload] {
        [
            "icu-word-break-prefixes": { .icuWordBreak(named: "icu-word-break-prefixes", over: prefixes) },
            "vocabulary-complete": {
                let vocabulary = try Vocabulary.load(
                    directory: Fixtures.lexiconsDirectory + "/vocabulary", language: "fr", resources: Fixtures.textResources)
                var results: [Completion] = []
                results.reserveCapacity(Vocabulary.maximumLimit)
                return Workload(name: "vocabulary-complete", items: prefixes) { items in
                    var checksum = 0
                    for item in items {
                        item.withUnsafeBufferPointer { vocabulary.complete(utf8: $0, into: &results) }
                        checksum &+= results.count
                    }
                    return checksum
                }
            },
        ]
    }
}
