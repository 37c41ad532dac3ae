import Benchmark
import ParleyTesting
import ParleyText
import ParleyTone

/// ParleyTone over the benchmark corpus, on messages already segmented: the cost tone analysis adds
/// on top of reading a message; one iteration analyses every message once. Issue 6 asks that it stay
/// within 2× "icu-word-break" in instructions over the same messages: that ratio is checked with
/// valgrind (workload `tone`, Thresholds/ratios.tsv); these benchmarks carry the allocation thresholds.
func registerToneBenchmarks() {
    let resources: ToneResources
    do {
        resources = try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
    } catch {
        fatalError("cannot load the tone lexicons: \(error)")
    }
    let messages = BenchmarkCorpus.segmented
    // Friday 27 March 2026, 10:00 in Paris: fixed, so dates resolve the same on every run.
    let context = ToneContext(referenceTime: 1_774_602_000)

    Benchmark("tone-analyze") { benchmark in
        let analyzer = ToneAnalyzer(resources: resources)
        for message in messages { blackHole(analyzer.analyze(message, context: context)) }  // warm the buffers
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(analyzer.analyze(message, context: context)) }
        }
    }

    Benchmark("tone-sentiment") { benchmark in
        let analyzer = ToneAnalyzer(resources: resources)
        for message in messages { blackHole(analyzer.sentiment(of: message)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(analyzer.sentiment(of: message)) }
        }
    }
}
