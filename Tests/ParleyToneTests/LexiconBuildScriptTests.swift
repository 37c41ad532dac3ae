import Foundation
import ParleyTesting
import Testing

/// Runs `Scripts/build_tone_lexicons.py` on a tiny sample of its sources and checks what it writes:
/// the script that builds the shipped sentiment lexicons stays runnable and deterministic.
@Suite("Sentiment lexicon build script")
struct LexiconBuildScriptTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func run(_ root: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [
            Fixtures.repositoryRoot + "/Scripts/build_tone_lexicons.py",
            "--sources", root + "/sources", "--curation", root + "/curation", "--out", root + "/out",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: python != nil)) func buildsFromATinySample() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tone-build-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(
            "great\t3.1\t0.7\t[3]\ncancel\t-1.0\t0.5\t[-1]\n:)\t2.0\t0.5\t[2]\nl\t2.0\t0.5\t[2]\nxd\t2.7\t0.5\t[3]\n",
            root + "/sources/vader/vader_lexicon.txt")
        try write("😀\tgrinning face great\n🎸\tguitar\n", root + "/sources/vader/emoji_utf8_lexicon.txt")
        try write(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <sentiment language="fr">
            <word form="abominable" pos="JJ" polarity="-0.90" subjectivity="1.00" intensity="1.0" confidence="0.9" />
            <word form="abondant" pos="JJ" polarity="0.00" subjectivity="0.00" intensity="1.0" confidence="0.7" />
            <word form="doux" pos="JJ" polarity="0.40" subjectivity="0.50" intensity="1.0" confidence="0.6" />
            </sentiment>
            """, root + "/sources/pattern-fr-sentiment/fr-sentiment.xml")
        try write("cancel\t0\n", root + "/curation/curation-en.txt")
        try write("génial\t3\n", root + "/curation/curation-fr.txt")
        try write("🎸\t0\n", root + "/curation/curation-emoji.txt")
        try write("xD\n", root + "/out/text/emoticons.map")
        #expect(try run(root) == 0)

        func entries(_ file: String) throws -> [String] {
            try String(contentsOfFile: root + "/out/" + file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        }
        // Curation overrides the source; single letters and emoticon-like words are dropped.
        #expect(try entries("en/sentiment.map") == ["cancel\t0", "great\t3.1"])
        // Pattern polarity × 3; neutral and low-confidence entries dropped.
        #expect(try entries("fr/sentiment.map") == ["abominable\t-2.7", "génial\t3"])
        #expect(try entries("tone/emoji.map") == [":)\t2", "🎸\t0", "😀\t3"])

        let first = try String(contentsOfFile: root + "/out/fr/sentiment.map", encoding: .utf8)
        #expect(try run(root) == 0)
        #expect(try String(contentsOfFile: root + "/out/fr/sentiment.map", encoding: .utf8) == first)
    }

    @Test(.enabled(if: python != nil)) func rejectsABadCurationLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tone-build-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("great\t3.1\t0.7\t[3]\n", root + "/sources/vader/vader_lexicon.txt")
        try write("", root + "/sources/vader/emoji_utf8_lexicon.txt")
        try write("<sentiment></sentiment>", root + "/sources/pattern-fr-sentiment/fr-sentiment.xml")
        try write("cancel\tzero\n", root + "/curation/curation-en.txt")
        try write("", root + "/curation/curation-fr.txt")
        try write("", root + "/curation/curation-emoji.txt")
        try write("", root + "/out/text/emoticons.map")
        #expect(try run(root) != 0)
    }
}
