import NIOConcurrencyHelpers
import ParleyText

/// Lends ``MessageAnalyzer``s to requests, one request at a time each, and keeps a few idle ones
/// for reuse. An analyzer built over an older snapshot is dropped instead of reused, so that after
/// a reload every request reads the new resources.
final class AnalyzerPool: Sendable {
    /// An idle analyzer. `@unchecked Sendable` is sound here: an analyzer is in the idle list or
    /// lent to exactly one task, never both; the lock orders the hand-overs.
    private struct Idle: @unchecked Sendable {
        let analyzer: MessageAnalyzer
    }

    private let store: ResourceStore
    private let configuration: ServerConfiguration
    private let idle = NIOLockedValueBox<[Idle]>([])
    private let capacity: Int

    init(store: ResourceStore, configuration: ServerConfiguration, capacity: Int = 64) {
        self.store = store
        self.configuration = configuration
        self.capacity = capacity
    }

    /// Runs `body` with an analyzer over the current snapshot, then takes the analyzer back.
    /// - Complexity: a lock and a pop; a new analyzer (segmenter with ICU iterators) only when none is idle.
    func withAnalyzer<Result>(_ body: (MessageAnalyzer) async throws(Problem) -> Result) async throws(Problem) -> Result {
        let analyzer = try lend()
        defer { takeBack(analyzer) }
        return try await body(analyzer)
    }

    /// ``withAnalyzer(_:)`` for synchronous work (the server's network-thread path).
    func withAnalyzerSynchronously<Result>(_ body: (MessageAnalyzer) throws(Problem) -> Result) throws(Problem) -> Result {
        let analyzer = try lend()
        defer { takeBack(analyzer) }
        return try body(analyzer)
    }

    /// An idle analyzer over the current snapshot, or a new one.
    private func lend() throws(Problem) -> MessageAnalyzer {
        let snapshot = store.current
        let reused: MessageAnalyzer? = idle.withLockedValue { list in
            while let last = list.popLast() {
                if last.analyzer.snapshot === snapshot { return last.analyzer }
            }
            return nil
        }
        if let reused { return reused }
        do {
            return try MessageAnalyzer(snapshot: snapshot, configuration: configuration)
        } catch {
            throw Problem.from(error, pointer: "")
        }
    }

    /// Keeps `analyzer` for reuse, unless the pool is full or a reload made it stale.
    private func takeBack(_ analyzer: MessageAnalyzer) {
        let returned = Idle(analyzer: analyzer)
        idle.withLockedValue { list in
            if list.count < capacity, returned.analyzer.snapshot === store.current { list.append(returned) }
        }
    }
}
