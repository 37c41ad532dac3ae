import Foundation

/// Files written for a test under a fresh temporary folder.
enum TemporaryFiles {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "parley-negotiation-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to a new file and returns its path.
    static func write(_ text: String, name: String) throws -> String {
        let path = try directory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
