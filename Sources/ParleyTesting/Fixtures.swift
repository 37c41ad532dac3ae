#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyText

/// Paths and data shared by Parley's test suites and by users testing their own lexicons.
public enum Fixtures {
    /// The repository root, found from this file's location at build time.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Fixtures.swift, ParleyTesting, Sources
        return url.path
    }()

    /// The built `parley` executable: the test bundle and the executable share the build products
    /// folder (`.build/debug`); `.build/debug/parley` when the bundle is elsewhere.
    public static var parleyExecutable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("parley")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: repositoryRoot).appendingPathComponent(".build/debug/parley")
    }

    /// The bundled `Lexicons/` folder.
    public static var lexiconsDirectory: String { repositoryRoot + "/Lexicons" }

    /// The bundled `Models/` folder.
    public static var modelsDirectory: String { repositoryRoot + "/Models" }

    /// The shared data folder beside the repository (`../shared/data`), or `PARLEY_SHARED_DATA`.
    public static var sharedDataDirectory: String {
        if let value = ProcessInfo.processInfo.environment["PARLEY_SHARED_DATA"], !value.isEmpty { return value }
        return URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared/data").path
    }

    /// The text tables of `Lexicons/text/`, loaded once per process.
    public static let textResources: TextResources = {
        do {
            return try TextResources.load(from: lexiconsDirectory + "/text")
        } catch {
            fatalError("bundled text tables do not load:\n\(error)")
        }
    }()

    /// A fresh segmenter over the bundled tables.
    public static func segmenter(limits: TextLimits = TextLimits()) -> Segmenter {
        do {
            return try Segmenter(resources: textResources, limits: limits)
        } catch {
            fatalError("cannot open a segmenter: \(error)")
        }
    }

    /// The labelled development chat set (`../shared/data/chat/dev.tsv`), or an empty list when the
    /// shared data is not beside the repository.
    public static let devChat: [LabelledMessage] = {
        let path = sharedDataDirectory + "/chat/dev.tsv"
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return LabelledMessage.parseTSV(String(decoding: data, as: UTF8.self))
    }()
}
