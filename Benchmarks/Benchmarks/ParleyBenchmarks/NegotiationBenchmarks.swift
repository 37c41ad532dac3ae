import Benchmark
import ParleyNegotiation
import ParleyTesting
import ParleyText

/// ParleyNegotiation over the benchmark corpus, on messages already segmented: the negotiation view
/// of each message (prices, proposal, market guidance for one deal, checklist). One iteration reads
/// every message once. Instruction ratios to ICU word break come from valgrind (workload `negotiate`,
/// Thresholds/ratios.tsv); this benchmark carries the allocation count.
func registerNegotiationBenchmarks() {
    let resources: NegotiationResources
    do {
        resources = try NegotiationResources.load(
            lexiconsDirectory: Fixtures.lexiconsDirectory,
            dealsPath: NegotiationResources.sampleDealsPath(modelsDirectory: Fixtures.modelsDirectory),
            textResources: Fixtures.textResources)
    } catch {
        fatalError("cannot load the negotiation resources: \(error)")
    }
    let messages = BenchmarkCorpus.segmented
    let context = NegotiationContext(
        deal: DealContext(genre: "jazz", venueType: "club", capacity: 300, region: "ile-de-france", weekday: 6, month: 7))

    Benchmark("negotiate-view") { benchmark in
        let analyzer = NegotiationAnalyzer(resources: resources)
        for message in messages { blackHole(analyzer.analyze(message, side: "artist", context: context)) }  // warm the buffers
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(analyzer.analyze(message, side: "artist", context: context)) }
        }
    }
}
