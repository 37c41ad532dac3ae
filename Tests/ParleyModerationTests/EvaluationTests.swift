import Foundation
import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("Evaluation")
struct EvaluationTests {
    func evaluate(_ items: [LabelledMessage]) -> Evaluation {
        let segmenter = Fixtures.segmenter()
        let moderator = Moderator(resources: ModerationTestSupport.bundled)
        return Evaluation(items: items.map { item in
            let verdict = moderator.moderate(try! segmenter.read(item.text), context: ModerationContext(language: item.language))
            return Evaluation.Item(gold: item.label, predicted: verdict.label, text: item.text, line: item.line,
                                   rules: verdict.rules.map(\.symbol).joined(separator: " "))
        })
    }

    @Test("metrics: precision, recall, F1, confusion")
    func metrics() {
        let evaluation = Evaluation(items: [
            .init(gold: "ok", predicted: "ok", text: "", line: 1, rules: ""),
            .init(gold: "ok", predicted: "spam", text: "", line: 2, rules: ""),
            .init(gold: "spam", predicted: "spam", text: "", line: 3, rules: ""),
            .init(gold: "spam", predicted: "ok", text: "", line: 4, rules: ""),
        ])
        #expect(evaluation.labels == ["ok", "spam"])
        #expect(evaluation.scores.allSatisfy { $0.precision == 0.5 && $0.recall == 0.5 && $0.f1 == 0.5 })
        #expect(evaluation.confusion["ok"]?["spam"] == 1)
        #expect(evaluation.falsePositives.map(\.line) == [2])
        #expect(evaluation.falseNegatives.map(\.line) == [4])
    }

    @Test("dev chat set: macro F1 at least 0.90 and no false positive", .enabled(if: !Fixtures.devChat.isEmpty))
    func devSet() {
        let evaluation = evaluate(Fixtures.devChat)
        #expect(evaluation.items.count == 300)
        #expect(evaluation.macroF1 >= 0.90, "\(evaluation.report())")
        #expect(evaluation.falsePositives.isEmpty, "\(evaluation.report())")
    }

    @Test("probe sets written apart from the dev set: macro F1 at least 0.90 and no false positive",
          arguments: ["chat-probe.tsv", "chat-probe-2.tsv", "chat-probe-3.tsv", "chat-probe-4.tsv", "chat-probe-5.tsv"])
    func probeSet(file: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + file).path
        let items = LabelledMessage.parseTSV(try String(contentsOfFile: path, encoding: .utf8))
        #expect(items.count >= 15)
        let evaluation = evaluate(items)
        #expect(evaluation.macroF1 >= 0.90, "\(evaluation.report())")
        #expect(evaluation.falsePositives.isEmpty, "\(evaluation.report())")
    }
}
