import Foundation
import Logging
import ServiceLifecycle

/// Reloads the resources when a file under the watched folders (`Lexicons/`, `Models/`) changes:
/// a moderator saves a lexicon and the sidecars pick it up without a SIGHUP or an admin call.
///
/// Polling, not inotify: once per ``interval`` it lists the folders and reads each file's size and
/// modification time (`stat`, no content), on a task of its own, never on the request path. Why
/// polling: the folders hold a few dozen files (a listing costs well under a millisecond), it
/// works the same on Linux and macOS and on the network or bind-mounted folders sidecars are often
/// given (where inotify misses changes made on another host), and it sees a whole folder replaced
/// by a `mv` or a `git checkout`, which inotify watches on the old inode do not; a second's delay
/// is nothing next to the human edit that caused it. No C target is needed.
///
/// Debounce: after a change it waits until a poll sees the same listing again (an editor or a
/// checkout writing several files in a row triggers one reload, once it is done), then reloads
/// through ``ParleyServer/reload()`` (off the cooperative pool). A failed reload keeps the old
/// snapshot serving (``ResourceStore``) and is not retried until the files change again.
struct LexiconWatchService: Service {
    let server: ParleyServer
    let directories: [String]
    let interval: Duration

    /// What a poll saw: each regular file's path, size and modification time, sorted.
    struct Listing: Equatable {
        var files: [String: FileStamp] = [:]
    }

    struct FileStamp: Equatable {
        var size: UInt64
        var modified: Double
    }

    /// Lists every regular file under `directories`.
    /// - Complexity: one `stat` per file and folder; no file is read.
    static func listing(of directories: [String]) -> Listing {
        let manager = FileManager.default
        var listing = Listing()
        for root in directories {
            guard let enumerator = manager.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                listing.files[path] = FileStamp(size: size, modified: modified)
            }
        }
        return listing
    }

    func run() async throws {
        // Shutdown cancels the sleep at once rather than after the current interval.
        try? await cancelWhenGracefulShutdown { try await watch() }
    }

    private func watch() async throws {
        var known = Self.listing(of: directories)
        var pending: Listing?
        while true {
            try await Task.sleep(for: interval)
            let now = Self.listing(of: directories)
            if now == known {
                pending = nil
                continue
            }
            guard now == pending else {
                // Changed since the last poll: wait one more interval for the writes to settle.
                pending = now
                continue
            }
            server.logger.notice("resource files changed; reloading", metadata: [
                "files": .stringConvertible(Self.changedCount(known, now)),
            ])
            known = now
            pending = nil
            _ = await server.reload()
        }
    }

    /// Files added, removed or changed between two listings.
    static func changedCount(_ old: Listing, _ new: Listing) -> Int {
        Set(old.files.keys).union(new.files.keys).filter { old.files[$0] != new.files[$0] }.count
    }
}
