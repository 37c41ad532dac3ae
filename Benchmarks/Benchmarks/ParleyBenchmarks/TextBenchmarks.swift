import Benchmark
import CICUBaseline
import ParleyTesting
import ParleyText

/// The baseline and ParleyText's own costs; one iteration reads every message of the corpus once.
/// Benchmark names are shell-safe (`module-what`): package-benchmark looks threshold files up by name.
func registerTextBenchmarks() {
    Benchmark("icu-word-break") { benchmark in
        let breaker = parley_baseline_open()
        defer { parley_baseline_close(breaker) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for message in BenchmarkCorpus.messages {
                blackHole(message.withUnsafeBufferPointer { parley_baseline_count_words(breaker, $0.baseAddress, Int32($0.count)) })
            }
        }
    }

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
