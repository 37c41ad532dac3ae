import Benchmark
import ParleyTesting
import ParleyText

/// The baseline and ParleyText's own costs; one iteration reads every message of the corpus once.
/// Benchmark names are shell-safe (`module-what`): package-benchmark looks threshold files up by name.
func registerTextBenchmarks() {
    registerICUWordBreakBaseline("icu-word-break") { BenchmarkCorpus.messages }

    // ICU allocates a few times more or less from run to run (its caches), hence the small tolerance.
    Benchmark("tokenize-fold", configuration: .init(thresholds: [.mallocCountTotal: .init(absolute: [.p90: 4])])) { benchmark in
        let segmenter = Fixtures.segmenter()
        var message = Message()
        for text in BenchmarkCorpus.messages { try segmenter.read(text, into: &message) }  // warm the buffers
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for text in BenchmarkCorpus.messages {
                try segmenter.read(text, into: &message)
                blackHole(message.folded.units.count)
            }
        }
    }

    Benchmark("tokenize") { benchmark in
        let segmenter = Fixtures.segmenter()
        var message = Message()
        for text in BenchmarkCorpus.messages { try segmenter.read(text, into: &message, folding: false) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for text in BenchmarkCorpus.messages {
                try segmenter.read(text, into: &message, folding: false)
                blackHole(message.tokens.count)
            }
        }
    }

    Benchmark("fold-entries") { benchmark in
        let segmenter = Fixtures.segmenter()
        let entries = ["frais de dossier", "Western Union", "carte PCS", "café-concert", "fiche technique", "l'arnaque"]
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for entry in entries { blackHole(segmenter.fold(entry)) }
        }
    }
}
