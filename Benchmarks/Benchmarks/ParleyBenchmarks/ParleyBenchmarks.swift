import Benchmark

/// Every benchmark of Parley, one `register…` function per module, each beside a raw ICU word-break
/// baseline over the same input (see `TextBenchmarks.swift`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .throughput],
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )
    registerTextBenchmarks()
    registerToneBenchmarks()
}
