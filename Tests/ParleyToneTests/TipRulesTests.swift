import ParleyText
import Testing

@testable import ParleyTone

@Suite("Tip rules file")
struct TipRulesTests {
    func parse(_ text: String) -> Result<TipRules, DiagnosticList> {
        TipRules.parse(text, path: "tips.rules")
    }

    func errors(_ text: String) -> [String] {
        switch parse(text) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map(\.description)
        }
    }

    @Test func parsesRules() throws {
        let rules = try parse(
            """
            # comment
            tip calm
            when tension >= 0.5 and shouting = true
            fr Calmez le jeu.
            en Calm down.
            """
        ).get()
        #expect(rules.rules.count == 1)
        #expect(rules.rules[0].conditions.count == 2)
        #expect(rules.rules[0].texts[.fr] == "Calmez le jeu.")
        #expect(rules.rules[0].source.line == 2)
    }

    @Test func reportsLineAndColumn() {
        #expect(
            errors("tip a\nwhen mood = pos\nfr x\n") == [
                "tips.rules:2:6: error: unknown fact 'mood' (known: sentiment, compound, formality, address, other.formality, other.address, priority, tension, trend, rising, alert, shouting, sarcasm, deadline, cue, language)"
            ])
        #expect(
            errors("tip a\nwhen sentiment = happy\nfr x\n").first?.hasPrefix("tips.rules:2:18: error: 'happy' is not a value of 'sentiment'") == true)
        #expect(errors("tip a\nwhen tension >= high\nfr x\n").first?.hasPrefix("tips.rules:2:17: error:") == true)
        #expect(errors("tip a\nwhen sentiment > pos\nfr x\n").first?.hasPrefix("tips.rules:2:16: error:") == true)
        #expect(errors("tip a\nwhen shouting = true or sarcasm = true\nfr x\n").first?.hasPrefix("tips.rules:2:22: error: expected 'and'") == true)
        #expect(errors("tip a\nfr x\n") == ["tips.rules:1:1: error: tip 'a' has no 'when' line"])
        #expect(errors("when shouting = true\n").first?.hasPrefix("tips.rules:1:1: error: 'when' outside a tip") == true)
        #expect(errors("tip a\nwhen shouting = true\nde Ruhe\n").first?.hasPrefix("tips.rules:3:1: error: unknown keyword 'de'") == true)
        #expect(
            errors("tip a\nwhen shouting = true\nfr x\ntip a\nwhen shouting = true\nfr y\n").first?.hasPrefix(
                "tips.rules:4:5: error: tip 'a' is defined twice") == true)
    }

    @Test func bundledRulesParse() {
        #expect(ToneTestSupport.resources.tips.rules.count >= 10)
    }

    @Test func fallsBackToTheOtherLanguage() {
        let rules = try! parse("tip a\nwhen shouting = true\nen Only English.\n").get()
        let report = ToneTestSupport.analyze("ON ANNULE TOUT", language: "fr")
        let facts = ToneFacts(
            language: .fr, sentiment: report.sentiment, formality: report.formality, otherFormality: nil,
            urgency: report.urgency, deadlines: report.deadlines, tension: report.tension)
        #expect(rules.tips(for: facts).map(\.text) == ["Only English."])
    }
}
