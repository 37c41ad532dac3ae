import Foundation
import Benchmark
import ParleyModeration
import ParleyText

/// Moderation benchmarks. The issue asks for full moderation of a chat message at most 4× the raw
/// ICU word-break instructions of the same message (the baseline the lead registers beside it), at
/// least 50,000 messages/s on one core, and a 100,000-entry lexicon set compiled in at most 1 s.
func registerModerationBenchmarks() {
    guard let lexicons = ResourceLocator.lexiconsDirectory() else {
        fatalError("ModerationBenchmarks: cannot find Lexicons/; set PARLEY_LEXICONS")
    }
    let resources: ModerationResources
    do {
        resources = try ModerationResources.load(from: lexicons)
    } catch {
        fatalError("ModerationBenchmarks: the lexicons do not load:\n\(error)")
    }
    // A typical message: medium length, accents, an amount, nothing flagged (the common case).
    let chat = Array("Salut ! Dispo le 22 avril pour une date au Molotov ? Cachet 600€ + repas, balance à 17h, on vous envoie le contrat demain.".utf8)
    // A bad one: leetspeak, an untraceable payment, a phone number, a shortened link.
    let scam = Array("Envoie 300€ en cartes PCS au 06 39 98 41 27 ou sur WhаtsApp, sinon c0nnard t'auras pas la date : bit.ly/3xQpR7a".utf8)

    for (name, bytes) in [("chat", chat), ("scam", scam)] {
        Benchmark("Moderation: full moderation of a \(name) message (segment + moderate)",
                  configuration: .init(metrics: [.instructions, .mallocCountTotal])) { benchmark in
            let segmenter = try Segmenter(resources: resources.textResources)
            let moderator = Moderator(resources: resources)
            var message = Message()
            for _ in benchmark.scaledIterations {
                try segmenter.read(bytes, into: &message)
                blackHole(moderator.moderate(message))
            }
        }
    }

    // 100,000 distinct two-word literals (letters only, as moderators write them) in one map file.
    let syllables = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"]
    var map = "@symbol INSULT\n"
    for index in 0..<100_000 {
        map += String(index).map { syllables[Int(String($0))!] }.joined() + " suite\n"
    }
    let rulesPath = lexicons + "/rules.yaml"
    let rules = (try? String(contentsOfFile: rulesPath, encoding: .utf8)) ?? ""
    let maps = [ModerationResources.SourceFile(path: "bench/large.map", text: map)]

    Benchmark("Moderation: compile a 100,000-entry lexicon set",
              configuration: .init(metrics: [.instructions, .mallocCountTotal, .wallClock], maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ModerationResources.compile(rules: [.init(path: rulesPath, text: rules)], maps: maps,
                                                     textResources: resources.textResources))
        }
    }
}
