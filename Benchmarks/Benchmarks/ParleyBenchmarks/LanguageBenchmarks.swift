import Benchmark
import ParleyLanguage
import ParleyTesting
import ParleyText

/// ParleyLanguage's costs over the benchmark corpus, messages segmented beforehand (the stage's own
/// cost: issue 4 asks language ID of a chat message for ≤ 3× raw ICU word break of the same message,
/// `icu-word-break`; the instruction ratio is measured by Scripts/bench-ratios.sh, workload
/// `language-id`), and the model's start-up cost (asked: ≤ 50 ms, ≤ 30 MB resident).
func registerLanguageBenchmarks() {
    let model: LanguageModel
    do {
        model = try LanguageModel(contentsOf: Fixtures.modelsDirectory + "/langid/langid.bin")
    } catch {
        fatalError("\(error)")
    }
    let recognizer = LanguageRecognizer(model: model)
    let segmenter = Fixtures.segmenter()
    let messages: [Message] = BenchmarkCorpus.messages.map { text in
        do {
            return try segmenter.read(text)
        } catch {
            fatalError("cannot segment a benchmark message: \(error)")
        }
    }
    let typical: Message
    do {
        typical = try segmenter.read(BenchmarkCorpus.typical)
    } catch {
        fatalError("cannot segment the typical message: \(error)")
    }

    // dominantLanguage allocates nothing: evidence lives in stack scratch.
    Benchmark("language-id") { benchmark in
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(recognizer.dominantLanguage(for: message)) }
        }
    }

    Benchmark("language-id-typical") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(recognizer.dominantLanguage(for: typical)) }
    }

    // Hypotheses and spans: two result arrays per message.
    Benchmark("language-recognize") { benchmark in
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(recognizer.recognize(message)) }
        }
    }

    // Foundation's file read allocates 58 or 62 times depending on the run (buffer growth), hence the tolerance.
    Benchmark("language-model-load", configuration: .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 8])])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LanguageModel(contentsOf: Fixtures.modelsDirectory + "/langid/langid.bin"))
        }
    }
}
