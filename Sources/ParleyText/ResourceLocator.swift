#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the folders Parley loads at start-up: `Lexicons/` (files moderators edit) and `Models/`
/// (trained artifacts). Nothing is ever downloaded.
public enum ResourceLocator {
    /// `PARLEY_LEXICONS`, else the nearest `Lexicons/` above the working directory or the executable.
    public static func lexiconsDirectory() -> String? {
        locate(folder: "Lexicons", environment: "PARLEY_LEXICONS")
    }

    /// `PARLEY_MODELS`, else the nearest `Models/` above the working directory or the executable.
    public static func modelsDirectory() -> String? {
        locate(folder: "Models", environment: "PARLEY_MODELS")
    }

    static func locate(folder: String, environment: String) -> String? {
        if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty { return value }
        var starts = [FileManager.default.currentDirectoryPath]
        if let executable = ProcessInfo.processInfo.arguments.first {
            starts.append(URL(fileURLWithPath: executable).deletingLastPathComponent().path)
        }
        for start in starts {
            var directory = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent(folder)
                var isDirectory = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory {
                    return candidate.path
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
