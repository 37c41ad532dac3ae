#if canImport(Glibc)
import Glibc
#endif

/// `ParleyWorkload <workload> <passes>`: builds one workload, runs one warm-up pass, then `passes`
/// passes over its items. Under `valgrind --tool=callgrind`, the difference between two pass counts
/// is the instruction cost of the passes alone, set-up and warm-up excluded.
let arguments = CommandLine.arguments
guard arguments.count == 3, let passes = Int(arguments[2]), passes >= 0, let make = Workloads.all[arguments[1]] else {
    print("usage: ParleyWorkload <\(Workloads.all.keys.sorted().joined(separator: "|"))> <passes>")
    exit(2)
}

func runPasses(_ workload: inout some Workload, passes: Int) throws -> Int {
    var checksum = 0
    for _ in 0...passes {
        for index in 0..<workload.count { checksum &+= try workload.run(index) }
    }
    return checksum
}

var workload = try make()
guard workload.count > 0 else {
    print("error: no input for \(arguments[1]) (../shared/data/chat/dev.tsv beside the repository?)")
    exit(2)
}
let checksum = try runPasses(&workload, passes: passes)
print("\(arguments[1]) passes=\(passes) items=\(workload.count) checksum=\(checksum)")
