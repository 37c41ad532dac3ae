import ParleyNegotiation
import ParleyTesting
import ParleyText

/// One resources snapshot and segmenter for all negotiation tests (loading folds a thousand phrases
/// and fits the sample deals file).
enum NegotiationFixtures {
    static let dealsPath = NegotiationResources.sampleDealsPath(modelsDirectory: Fixtures.modelsDirectory)

    static let resources: NegotiationResources = {
        do {
            return try NegotiationResources.load(
                lexiconsDirectory: Fixtures.lexiconsDirectory, dealsPath: dealsPath, textResources: Fixtures.textResources)
        } catch {
            fatalError("negotiation resources do not load:\n\(error)")
        }
    }()

    /// A fresh analyzer and segmenter (neither is Sendable: one per test).
    static func make() -> (NegotiationAnalyzer, Segmenter) {
        (NegotiationAnalyzer(resources: resources), Fixtures.segmenter())
    }
}
