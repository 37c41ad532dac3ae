import Benchmark
import CICUBaseline

/// Declares a raw ICU word-break benchmark over `items` (one iteration breaks every item once): the
/// baseline each module's figures are read against, over the same input.
func registerICUWordBreakBaseline(_ name: String, items: @escaping @Sendable () -> [[UInt8]]) {
    Benchmark(name) { benchmark in
        let breaker = parley_baseline_open()
        defer { parley_baseline_close(breaker) }
        let items = items()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for item in items {
                blackHole(item.withUnsafeBufferPointer { parley_baseline_count_words(breaker, $0.baseAddress, Int32($0.count)) })
            }
        }
    }
}
