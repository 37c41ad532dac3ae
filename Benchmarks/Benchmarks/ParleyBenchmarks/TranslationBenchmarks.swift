import Benchmark
import ParleyTesting
import ParleyText
import ParleyTranslation

/// ParleyTranslation: the French side of chat-dev.tsv translated to English, messages already segmented
/// (one iteration translates every message once), and loading one direction's model from disk (issue 9:
/// ≤ 1 s). Instruction ratios come from valgrind (workload `translate`, Thresholds/ratios.tsv).
func registerTranslationBenchmarks() {
    let directory = Fixtures.modelsDirectory + "/translation"
    let model: TranslationModel
    do {
        model = try TranslationModel(directory: directory, from: .french, to: .english)
    } catch {
        fatalError("cannot load the translation model: \(error)")
    }
    let segmenter = Fixtures.segmenter()
    let messages = BenchmarkCorpus.translationMessages.map { text in
        do {
            return try segmenter.read(text)
        } catch {
            fatalError("cannot read a benchmark message: \(error)")
        }
    }

    Benchmark("translate-sentence") { benchmark in
        let translator = Translator(models: [model])
        for message in messages { blackHole(try translator.translate(message, from: .french, to: .english)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(try translator.translate(message, from: .french, to: .english)) }
        }
    }

    Benchmark("translate-model-load", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TranslationModel(directory: directory, from: .french, to: .english))
        }
    }
}
