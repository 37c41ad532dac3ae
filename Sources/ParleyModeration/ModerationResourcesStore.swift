import ParleyText
import Synchronization

/// Holds the snapshot in use and swaps it whole on reload. A reload that fails leaves the snapshot
/// in use untouched and returns every diagnostic.
public final class ModerationResourcesStore: Sendable {
    private let current: Mutex<ModerationResources>
    public let directory: String

    /// Loads the first snapshot.
    /// - Throws: ``DiagnosticList`` when it does not build.
    public init(directory: String, textResources: TextResources? = nil) throws(DiagnosticList) {
        self.directory = directory
        self.current = Mutex(try ModerationResources.load(from: directory, textResources: textResources))
    }

    /// The snapshot to use for one request (keep it for the whole request).
    /// - Complexity: O(1): a lock and a reference copy.
    public var resources: ModerationResources { current.withLock { $0 } }

    /// Rebuilds from disk (text tables included), off the request path, and swaps on success.
    /// - Returns: the new snapshot's warnings.
    /// - Throws: ``DiagnosticList``; the snapshot in use is kept.
    @discardableResult
    public func reload() throws(DiagnosticList) -> [Diagnostic] {
        let fresh = try ModerationResources.load(from: directory)
        current.withLock { $0 = fresh }
        return fresh.warnings
    }
}
