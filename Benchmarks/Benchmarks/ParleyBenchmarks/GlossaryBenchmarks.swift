import Benchmark
import ParleyTesting
import ParleyText
import ParleyTranslation

/// The translation glossary and memory over the benchmark corpus, on messages already segmented:
/// what looking up the trade's terms (both directions) and the memory adds to reading a message;
/// one iteration handles every message once. Allocations only (thresholds in Thresholds/).
func registerGlossaryBenchmarks() {
    let glossary: Glossary
    let memory: TranslationMemory
    do {
        glossary = try Glossary.load(directory: Fixtures.lexiconsDirectory + "/glossary", textResources: Fixtures.textResources)
        memory = try TranslationMemory.load(directory: Fixtures.lexiconsDirectory + "/memory", textResources: Fixtures.textResources)
    } catch {
        fatalError("cannot load the translation glossary or memory: \(error)")
    }
    let segmenter = Fixtures.segmenter()
    let messages = BenchmarkCorpus.messages.map { bytes in
        do {
            return try segmenter.read(bytes)
        } catch {
            fatalError("cannot read a benchmark message: \(error)")
        }
    }

    Benchmark("glossary-match") { benchmark in
        for _ in benchmark.scaledIterations {
            for message in messages {
                blackHole(glossary.matches(in: message, from: .french, to: .english))
                blackHole(glossary.matches(in: message, from: .english, to: .french))
            }
        }
    }

    Benchmark("glossary-memory-lookup") { benchmark in
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(memory.lookup(message, from: .french, to: .english)) }
        }
    }
}
