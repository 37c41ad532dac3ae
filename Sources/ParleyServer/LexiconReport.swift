import Foundation

/// `GET /admin/lexicons`.
struct LexiconReport: Codable, Sendable {
    var version: String
    var loadedAt: String
    var lexiconsDirectory: String
    var modelFile: String
    var counts: ResourceCounts
    var warnings: [String]
    var reloads: Int
    var reloadFailures: Int
    var lastReloadAt: String
    var lastReloadError: [String]?

    init(store: ResourceStore) {
        let snapshot = store.current
        let status = store.reloadStatus
        version = snapshot.version
        loadedAt = Self.time(snapshot.loadedAt)
        lexiconsDirectory = snapshot.lexiconsDirectory
        modelFile = snapshot.modelFile
        counts = snapshot.counts
        warnings = snapshot.warnings.map(\.description)
        reloads = status.reloads
        reloadFailures = status.failures
        lastReloadAt = Self.time(status.lastAttempt)
        lastReloadError = status.lastError?.map(\.description)
    }

    static func time(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// `POST /admin/reload` when it succeeded.
struct ReloadReport: Codable, Sendable {
    var status: String
    var previousVersion: String
    var version: String
    var changed: Bool
}
