import ParleyTesting
import ParleyText
import Testing

@testable import ParleyTone

/// Macro F1 on the hand-labelled fixture (Fixtures/sentiment-chat.tsv): a floor that catches a
/// lexicon or heuristic change that breaks the sentiment reading, per language.
@Suite("Sentiment evaluation on the labelled chat fixture")
struct SentimentEvaluationTests {
    static func fixture(_ name: String) -> [LabelledMessage] {
        let path = Fixtures.repositoryRoot + "/Tests/ParleyToneTests/Fixtures/" + name
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return LabelledMessage.parseTSV(text)
    }

    static let rows = fixture("sentiment-chat.tsv")

    /// The floor sits well under the measured figures (Lexicons/tone/REPORT.md) so that wording
    /// changes pass and regressions do not.
    static let floor = 0.8

    static func macroF1(gold: [String], predicted: [String]) -> Double {
        var total = 0.0
        for label in Sentiment.Label.allCases.map(\.rawValue) {
            let tp = zip(gold, predicted).filter { $0 == label && $1 == label }.count
            let fp = zip(gold, predicted).filter { $0 != label && $1 == label }.count
            let fn = zip(gold, predicted).filter { $0 == label && $1 != label }.count
            let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            total += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        return total / 3
    }

    @Test(arguments: ["fr", "en"])
    func macroF1AboveFloor(language: String) throws {
        let subset = Self.rows.filter { $0.language == language }
        try #require(subset.count >= 80)
        let predicted = subset.map { ToneTestSupport.sentiment($0.text, language: language).label.rawValue }
        let score = Self.macroF1(gold: subset.map(\.label), predicted: predicted)
        #expect(score >= Self.floor, "macro F1 \(score) for \(language)")
    }

    /// The blind general set (tweet-like texts outside the trade) measures 0.77 FR and 0.74 EN; its floor
    /// is lower and only guards against collapse.
    @Test(arguments: ["fr", "en"])
    func generalTextsAboveFloor(language: String) throws {
        let subset = Self.fixture("sentiment-general.tsv").filter { $0.language == language }
        try #require(subset.count == 30)
        let predicted = subset.map { ToneTestSupport.sentiment($0.text, language: language).label.rawValue }
        let score = Self.macroF1(gold: subset.map(\.label), predicted: predicted)
        #expect(score >= 0.65, "macro F1 \(score) for \(language)")
    }

    @Test func guessedLanguageDoesNotCollapse() throws {
        try #require(!Self.rows.isEmpty)
        let predicted = Self.rows.map { ToneTestSupport.sentiment($0.text).label.rawValue }
        #expect(Self.macroF1(gold: Self.rows.map(\.label), predicted: predicted) >= Self.floor)
    }

    @Test func macroF1Arithmetic() {
        #expect(Self.macroF1(gold: ["pos", "neu", "neg"], predicted: ["pos", "neu", "neg"]) == 1)
        #expect(Self.macroF1(gold: ["pos", "pos"], predicted: ["neg", "neg"]) == 0)
    }
}
