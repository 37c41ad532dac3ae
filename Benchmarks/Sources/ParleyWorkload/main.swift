#if canImport(Glibc)
import Glibc
#endif
import CICUBaseline
import ParleyLanguage
import ParleyTesting
import ParleyText
import ParleyTone

/// `ParleyWorkload <workload> <passes>`: runs one workload over the benchmark corpus `passes` times
/// after one warm-up pass. Under `valgrind --tool=callgrind`, the difference between two pass counts
/// is the instruction cost of the passes alone, set-up and warm-up excluded.
let arguments = CommandLine.arguments
guard arguments.count == 3, let passes = Int(arguments[2]), passes >= 0, let workload = Workload(rawValue: arguments[1]) else {
    print("usage: ParleyWorkload <\(Workload.allCases.map(\.rawValue).joined(separator: "|"))> <passes>")
    exit(2)
}

let texts = Fixtures.devChat.map { Array($0.text.utf8) }
guard !texts.isEmpty else {
    print("error: ../shared/data/chat/dev.tsv not found beside the repository")
    exit(2)
}

var checksum = 0
switch workload {
case .icuWordBreak:
    let breaker = parley_baseline_open()
    for pass in 0...passes {
        _ = pass
        for text in texts { checksum &+= Int(text.withUnsafeBufferPointer { parley_baseline_count_words(breaker, $0.baseAddress, Int32($0.count)) }) }
    }
case .tokenizeFold:
    let segmenter = Fixtures.segmenter()
    var message = Message()
    for pass in 0...passes {
        _ = pass
        for text in texts {
            try segmenter.read(text, into: &message)
            checksum &+= message.folded.units.count
        }
    }
case .languageID:
    let segmenter = Fixtures.segmenter()
    let messages = try texts.map { try segmenter.read($0) }
    let recognizer = LanguageRecognizer(model: try LanguageModel(contentsOf: Fixtures.modelsDirectory + "/langid/langid.bin"))
    for pass in 0...passes {
        _ = pass
        for message in messages { checksum &+= recognizer.dominantLanguage(for: message) == nil ? 0 : 1 }
    }
case .tone:
    let resources = try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
    let segmenter = Fixtures.segmenter()
    let messages = try texts.map { try segmenter.read($0) }
    let analyzer = ToneAnalyzer(resources: resources)
    let context = ToneContext(referenceTime: 1_774_602_000)  // Friday 27 March 2026, 10:00 in Paris
    for pass in 0...passes {
        _ = pass
        for message in messages { checksum &+= analyzer.analyze(message, context: context).tension.cues.count }
    }
}
print("\(workload.rawValue) passes=\(passes) messages=\(texts.count) checksum=\(checksum)")
