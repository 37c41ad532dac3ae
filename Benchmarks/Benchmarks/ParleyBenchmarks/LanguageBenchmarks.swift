import Benchmark
import ParleyLanguage
import ParleyText

/// A typical chat message of about 60 bytes (issue 4 asks: language ID of it costs ≤ 3× raw ICU
/// word break of the same text). The ICU baseline should break this same string.
let languageBenchmarkMessage = "Salut ! Dispo le 22 avril pour une date au Molotov ? Merci"

/// Messages of the same size in each language, one of them mixed, for the throughput benchmark.
let languageBenchmarkMessages = [
    languageBenchmarkMessage,
    "Hi there, could you send your tech rider before Friday?",
    "Merci beaucoup ! See you at the soundcheck tomorrow",
    "¿Cuándo llegáis al festival? La prueba es a las cinco",
    "Wann ist der Soundcheck morgen? Wir kommen um fünf.",
]

func registerLanguageBenchmarks() {
    guard let models = ResourceLocator.modelsDirectory(), let lexicons = ResourceLocator.lexiconsDirectory() else {
        fatalError("Models/ or Lexicons/ not found: run from the repository or set PARLEY_MODELS / PARLEY_LEXICONS")
    }
    let model: LanguageModel
    let segmenter: Segmenter
    do {
        model = try LanguageModel(contentsOf: models + "/langid/langid.bin")
        segmenter = try Segmenter(resources: try TextResources.load(from: lexicons + "/text"))
    } catch {
        fatalError("cannot set up the language benchmarks: \(error)")
    }
    let recognizer = LanguageRecognizer(model: model)
    let message: Message
    let messages: [Message]
    do {
        message = try segmenter.read(languageBenchmarkMessage)
        messages = try languageBenchmarkMessages.map { try segmenter.read($0) }
    } catch {
        fatalError("cannot segment the benchmark messages: \(error)")
    }

    // The ratio: this against raw ICU word break of `languageBenchmarkMessage`.
    Benchmark("Language: dominantLanguage of a 60-byte chat message", configuration: .init(metrics: [.instructions, .mallocCountTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(recognizer.dominantLanguage(for: message))
        }
    }

    Benchmark("Language: recognize (hypotheses + spans) of a 60-byte chat message", configuration: .init(metrics: [.instructions, .mallocCountTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(recognizer.recognize(message))
        }
    }

    Benchmark("Language: dominantLanguage of 5 chat messages (fr, en, mixed, es, de)", configuration: .init(metrics: [.instructions, .mallocCountTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(recognizer.dominantLanguage(for: message)) }
        }
    }

    Benchmark("Language: segment + dominantLanguage of a 60-byte chat message", configuration: .init(metrics: [.instructions, .mallocCountTotal])) {
        benchmark in
        var scratch = Message()
        let bytes = Array(languageBenchmarkMessage.utf8)
        for _ in benchmark.scaledIterations {
            try segmenter.read(bytes, into: &scratch)
            blackHole(recognizer.dominantLanguage(for: scratch))
        }
    }

    // Start-up cost: the issue asks ≤ 50 ms and ≤ 30 MB resident.
    Benchmark("Language: load Models/langid/langid.bin", configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 20)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LanguageModel(contentsOf: models + "/langid/langid.bin"))
        }
    }
}
