#if canImport(Glibc)
import Glibc
#endif
import CICUBaseline
import ParleyLanguage
import ParleyTesting
import ParleyText

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
}
print("\(workload.rawValue) passes=\(passes) messages=\(texts.count) checksum=\(checksum)")
