import Atomics
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import NIOConcurrencyHelpers
import ParleyText

/// Holds the serving ``ResourceSnapshot`` behind an atomic reference and replaces it on reload.
///
/// Requests read ``current`` (one atomic load); a reload builds a whole new snapshot first and
/// swaps it in only when the build succeeded, so a broken lexicon keeps the old one serving.
public final class ResourceStore: Sendable {
    private let snapshot: ManagedAtomic<ResourceSnapshot>
    private let status: NIOLockedValueBox<ReloadStatus>
    /// Serializes reloads: two reloads at once would build twice for nothing.
    private let reloadLock = NIOLock()
    private let source: @Sendable () throws(DiagnosticList) -> ResourceSnapshot
    private let metrics: ServerMetrics
    private let logger: Logger

    /// Builds the first snapshot; throws when it does not build (the server must not start without one).
    public init(metrics: ServerMetrics, logger: Logger,
                source: @escaping @Sendable () throws(DiagnosticList) -> ResourceSnapshot) throws(DiagnosticList) {
        let first = try source()
        self.snapshot = ManagedAtomic(first)
        self.status = NIOLockedValueBox(ReloadStatus(lastAttempt: first.loadedAt, lastError: nil, failures: 0, reloads: 0))
        self.source = source
        self.metrics = metrics
        self.logger = logger
        metrics.resourcesLoaded(first)
    }

    /// The snapshot serving now.
    /// - Complexity: one atomic load.
    public var current: ResourceSnapshot { snapshot.load(ordering: .acquiring) }

    /// The outcome of the last reload.
    public var reloadStatus: ReloadStatus { status.withLockedValue { $0 } }

    /// Builds a new snapshot from the files and swaps it in; on failure keeps the old one and
    /// records the error. Blocks the calling thread for the build (tens of milliseconds): call it
    /// from the admin route or the SIGHUP service, never from a message route.
    @discardableResult
    public func reload() -> ReloadOutcome {
        reloadLock.withLock { () -> ReloadOutcome in
            let started = Date().timeIntervalSince1970
            let previous = current
            do throws(DiagnosticList) {
                let next = try source()
                snapshot.store(next, ordering: .releasing)
                status.withLockedValue {
                    $0.lastAttempt = started
                    $0.lastError = nil
                    $0.reloads += 1
                }
                metrics.resourcesLoaded(next)
                logger.notice("resources reloaded", metadata: [
                    "version": .string(next.version), "previous": .string(previous.version), "warnings": .stringConvertible(next.warnings.count),
                ])
                return .reloaded(previous: previous.version, current: next.version)
            } catch {
                status.withLockedValue {
                    $0.lastAttempt = started
                    $0.lastError = error.diagnostics
                    $0.failures += 1
                }
                metrics.reloadFailed()
                logger.error("resource reload failed; the previous resources keep serving", metadata: [
                    "version": .string(previous.version), "errors": .stringConvertible(error.diagnostics.count),
                    "first": .string(error.diagnostics.first?.description ?? ""),
                ])
                return .failed(serving: previous.version, errors: error.diagnostics)
            }
        }
    }
}

/// The last reload attempt.
public struct ReloadStatus: Hashable, Sendable {
    /// Seconds since 1970 of the last attempt (the first load counts).
    public var lastAttempt: Double
    /// Why the last attempt failed; nil when it succeeded.
    public var lastError: [Diagnostic]?
    public var failures: Int
    public var reloads: Int
}

/// What a reload did.
public enum ReloadOutcome: Hashable, Sendable {
    case reloaded(previous: String, current: String)
    case failed(serving: String, errors: [Diagnostic])
}
