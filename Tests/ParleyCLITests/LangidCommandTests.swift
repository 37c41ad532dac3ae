import Foundation
import ParleyTesting
import Testing

@Suite("parley langid")
struct LangidCommandTests {
    @Test func oneCodePerLine() throws {
        let input = "merci beaucoup !\nsee u at soundcheck\n¿Cuándo llegáis?\nWann ist der Soundcheck?\n\n😀😀\nQuesta è una frase italiana molto semplice.\n"
        let result = try CommandRunner.run(["langid"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == ["fr", "en", "es", "de", "und", "und", "und"])
    }

    @Test func jsonGivesHypothesesAndSpans() throws {
        let result = try CommandRunner.run(["langid", "--json"], input: "Merci beaucoup ! See you at the soundcheck\n")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(JSONSerialization.jsonObject(with: Data(result.lines[0].utf8)) as? [String: Any])
        let hypotheses = try #require(output["hypotheses"] as? [[String: Any]])
        let total = hypotheses.compactMap { $0["probability"] as? Double }.reduce(0, +)
        #expect(abs(total - 1) < 0.001)
        let spans = try #require(output["spans"] as? [[String: Any]])
        #expect(spans.map { $0["language"] as? String } == ["fr", "en"])
        #expect(spans.map { $0["text"] as? String } == ["Merci beaucoup", "See you at the soundcheck"])
        #expect(spans[1]["utf8"] as? [Int] == [17, 42])
        #expect(spans[1]["utf16"] as? [Int] == [17, 42])
    }

    @Test func hintsAndConstraints() throws {
        #expect(try CommandRunner.run(["langid"], input: "ok\n").lines == ["und"])
        #expect(try CommandRunner.run(["langid", "--hint", "fr"], input: "ok\n").lines == ["fr"])
        #expect(try CommandRunner.run(["langid", "--hint", "en=0.9,fr=0.1"], input: "ok\n").lines == ["en"])
        let constrained = try CommandRunner.run(["langid", "--langs", "fr,en", "--json"], input: "hola amigos\n")
        let output = try #require(JSONSerialization.jsonObject(with: Data(constrained.lines[0].utf8)) as? [String: Any])
        let languages = try #require(output["hypotheses"] as? [[String: Any]]).compactMap { $0["language"] as? String }
        #expect(Set(languages).isSubset(of: ["fr", "en", "und"]))
    }

    @Test func badOptionsAreClearErrors() throws {
        let unknown = try CommandRunner.run(["langid", "--langs", "fr,xx"], input: "ok\n")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown language 'xx'"))
        let weight = try CommandRunner.run(["langid", "--hint", "fr=lots"], input: "ok\n")
        #expect(weight.status != 0)
        #expect(weight.stderr.contains("bad weight"))
        let model = try CommandRunner.run(["langid", "--model", "/nonexistent/langid.bin"], input: "ok\n")
        #expect(model.status == 2)
        #expect(model.stderr.contains("/nonexistent/langid.bin: error"))
    }

    @Test func badLineKeepsTheOutputAligned() throws {
        let result = try CommandRunner.run(["langid"], input: Data("merci\n".utf8) + Data([0xFF, 0xFE, 0x0A]) + Data("thank you\n".utf8))
        #expect(result.status == 1)
        #expect(result.lines == ["fr", "und", "en"])
        #expect(result.stderr.contains("stdin:2: error"))
    }
}
