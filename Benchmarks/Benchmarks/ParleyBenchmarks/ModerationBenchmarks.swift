import Benchmark
import Foundation
import ParleyModeration
import ParleyTesting
import ParleyText

/// Moderation's costs; one iteration handles every message of the corpus once, like the raw ICU
/// word-break baseline of TextBenchmarks. The issue asks: full moderation ≤ 4× the baseline's
/// instructions, ≥ 50,000 messages/s on one core, and a 100,000-entry lexicon set compiled in ≤ 1 s.
/// The package needs `.product(name: "ParleyModeration", package: "Parley")`.
func registerModerationBenchmarks() {
    let resources: ModerationResources
    do {
        resources = try ModerationResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
    } catch {
        fatalError("ModerationBenchmarks: the bundled lexicons do not load:\n\(error)")
    }

    Benchmark("moderate-from-bytes", configuration: .init(metrics: [.mallocCountTotal])) { benchmark in
        let segmenter = Fixtures.segmenter()
        let moderator = Moderator(resources: resources)
        var message = Message()
        for text in BenchmarkCorpus.messages {  // warm the buffers
            try segmenter.read(text, into: &message)
            blackHole(moderator.moderate(message))
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for text in BenchmarkCorpus.messages {
                try segmenter.read(text, into: &message)
                blackHole(moderator.moderate(message))
            }
        }
    }

    Benchmark("moderate", configuration: .init(metrics: [.mallocCountTotal])) { benchmark in
        let segmenter = Fixtures.segmenter()
        let messages = try BenchmarkCorpus.messages.map { try segmenter.read($0) }
        let moderator = Moderator(resources: resources)
        for message in messages { blackHole(moderator.moderate(message)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for message in messages { blackHole(moderator.moderate(message)) }
        }
    }

    // 100,000 distinct two-word literals (letters only, as moderators write them) in one map file,
    // compiled with the bundled rules: parsing, folding, duplicate check, automaton.
    let syllables = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"]
    var map = "@symbol INSULT\n"
    for index in 0..<100_000 {
        map += String(index).map { syllables[Int(String($0))!] }.joined() + " suite\n"
    }
    let rulesPath = Fixtures.lexiconsDirectory + "/rules.yaml"
    let rules = (try? String(contentsOfFile: rulesPath, encoding: .utf8)) ?? ""
    let maps = [ModerationResources.SourceFile(path: "bench/large.map", text: map)]

    Benchmark("moderation-compile-100k",
              configuration: .init(metrics: [.mallocCountTotal, .wallClock], maxIterations: 5,
                                   // Dictionary growth depends on the hash seed: a 0.2 % tolerance.
                                   thresholds: [.mallocCountTotal: .init(absolute: [.p90: 2_500])])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ModerationResources.compile(rules: [.init(path: rulesPath, text: rules)], maps: maps,
                                                     textResources: Fixtures.textResources))
        }
    }
}
