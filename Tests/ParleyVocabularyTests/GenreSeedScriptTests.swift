import Foundation
import ParleyTesting
import Testing

/// `Scripts/vocabulary/seed-genres.py` must reproduce the committed seed file byte for byte.
@Suite("Genre seed script")
struct GenreSeedScriptTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let beets = URL(fileURLWithPath: Fixtures.repositoryRoot).deletingLastPathComponent()
        .appendingPathComponent("shared/lexicon-sources/beets-genres").path

    @Test("the script regenerates common/genres-beets.vocab exactly",
          .enabled(if: python != nil && FileManager.default.fileExists(atPath: beets + "/genres.txt"),
                   "needs python3 and ../shared/lexicon-sources/beets-genres"))
    func reproducible() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("genres-\(UInt64.random(in: 0...UInt64.max)).vocab").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try Self.runScript(source: Self.beets, output: output) == 0)
        let generated = try Data(contentsOf: URL(fileURLWithPath: output))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.lexiconsDirectory + "/vocabulary/common/genres-beets.vocab"))
        #expect(generated == committed)
    }

    @Test("the script runs on a tiny sample", .enabled(if: python != nil, "needs python3"))
    func tinySample() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beets-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "zydeco\nafrican\nacid jazz\n\nacid jazz\n".write(to: folder.appendingPathComponent("genres.txt"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.vocab").path
        #expect(try Self.runScript(source: folder.path, output: output) == 0)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == ["genre | acid jazz | | 5", "genre | zydeco | | 5"])
    }

    /// Runs the seed script and returns its exit status.
    static func runScript(source: String, output: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [Fixtures.repositoryRoot + "/Scripts/vocabulary/seed-genres.py", source, output]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
