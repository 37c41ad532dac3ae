import ParleyTesting
import ParleyText
import ParleyTone

/// ParleyTone on messages already segmented: what tone analysis adds (issue 6: ≤ 2× ICU word break).
struct ToneAnalyze: Workload {
    let messages: [Message]
    let analyzer: ToneAnalyzer
    /// Friday 27 March 2026, 10:00 in Paris.
    let context = ToneContext(referenceTime: 1_774_602_000)

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        analyzer = ToneAnalyzer(resources: try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources))
    }

    var count: Int { messages.count }

    func run(_ index: Int) -> Int {
        analyzer.analyze(messages[index], context: context).tension.cues.count
    }
}

extension Workloads {
    static let tone: [String: WorkloadFactory] = [
        "tone": { try ToneAnalyze(items: WorkloadInput.messages) },
    ]
}
