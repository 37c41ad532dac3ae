#if canImport(Glibc)
import Glibc
#endif
import CICUBaseline
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
}
print("\(workload.rawValue) passes=\(passes) messages=\(texts.count) checksum=\(checksum)")
