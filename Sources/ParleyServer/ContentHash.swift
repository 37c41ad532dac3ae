import Foundation

/// FNV-1a (64-bit) over file names and contents: a resource version that changes when any file does.
enum ContentHash {
    /// Hashes every regular file under each path (a folder or a file), in sorted path order.
    /// - Complexity: reads every file once (a few MB at start-up or reload).
    static func version(of roots: [String]) -> String {
        var files: [(path: String, name: String)] = []
        let manager = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                files.append((root, String(root.split(separator: "/").last ?? "")))
                continue
            }
            for case let relative as String in manager.enumerator(atPath: root)?.allObjects ?? [] {
                let path = root + "/" + relative
                var directory: ObjCBool = false
                if manager.fileExists(atPath: path, isDirectory: &directory), !directory.boolValue { files.append((path, relative)) }
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        for file in files.sorted(by: { $0.name < $1.name }) {
            mix(file.name.utf8)
            mix(CollectionOfOne(0))
            if let data = manager.contents(atPath: file.path) { mix(data) }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
