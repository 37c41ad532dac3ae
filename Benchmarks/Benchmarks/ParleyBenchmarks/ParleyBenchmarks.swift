import Benchmark

/// Every benchmark of Parley, one `register…` function per module, each beside a raw ICU word-break
/// baseline over the same input (see `TextBenchmarks.swift`).
let benchmarks: @Sendable () -> Void = {
    // Allocation counts are exact on any machine, so they carry checked-in thresholds
    // (Thresholds/, `swift package benchmark thresholds check`). Instruction counts come from
    // valgrind instead (Scripts/bench-ratios.sh): these VMs expose no hardware counters.
    Benchmark.defaultConfiguration = .init(
        metrics: [.mallocCountTotal],
        warmupIterations: 2,
        maxDuration: .seconds(1),
        maxIterations: 20
    )
    registerTextBenchmarks()
    registerLanguageBenchmarks()
    registerVocabularyBenchmarks()
    registerToneBenchmarks()
    registerModerationBenchmarks()
    registerRepliesBenchmarks()
    registerGlossaryBenchmarks()
    registerTranslationBenchmarks()
    registerNegotiationBenchmarks()
}
