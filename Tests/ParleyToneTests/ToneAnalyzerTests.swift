import ParleyTesting
import ParleyText
import Testing

@testable import ParleyTone

@Suite("Tone analysis over whole chat sets")
struct ToneAnalyzerTests {
    typealias S = ToneTestSupport

    /// Every report over the shared dev chat (300 messages, FR/EN/mixed, with evasions and invisible
    /// characters) stays in range, and every span points inside its message.
    @Test func devChatReportsAreWellFormed() throws {
        let rows = Fixtures.devChat
        try #require(rows.count >= 100, "../shared/data/chat/dev.tsv not found")
        let analyzer = ToneAnalyzer(resources: S.resources)
        let segmenter = Fixtures.segmenter()
        var message = Message()
        var withDeadlines = 0
        for row in rows {
            try segmenter.read(Array(row.text.utf8), into: &message)
            let report = analyzer.analyze(
                message,
                context: ToneContext(
                    language: row.language == "mixed" ? nil : row.language,
                    referenceTime: S.friday27March2026))
            #expect((-1...1).contains(report.sentiment.compound))
            #expect((0..<1).contains(report.tension.score))
            #expect((0..<1).contains(report.tension.trend.level))
            #expect(report.tips.count <= TipRules.maximumTips)
            var spans = report.sentiment.contributions.map(\.span) + report.formality.cues.map(\.span)
            spans += report.urgency.reasons.map(\.span) + report.tension.cues.map(\.span) + report.deadlines.map(\.span)
            for span in spans {
                #expect(span.utf8.lowerBound >= 0 && span.utf8.upperBound <= message.counts.utf8, "\(row.text)")
                #expect(span.utf16.upperBound <= message.counts.utf16, "\(row.text)")
            }
            for mention in report.deadlines {
                #expect(mention.start <= mention.end)
            }
            if report.deadlines.contains(where: \.isDeadline) { withDeadlines += 1 }
        }
        // The dev set asks for answers "avant vendredi", "by Thursday 6pm"…
        #expect(withDeadlines >= 5)
    }

    @Test func buffersAreReusedSafely() {
        // The same analyzer on a long message then a short one: nothing leaks from the first.
        let analyzer = ToneAnalyzer(resources: S.resources)
        let context = ToneContext(language: "fr", referenceTime: S.friday27March2026)
        _ = analyzer.analyze(S.message("URGENT génial 🙄 avant demain 18h, avocat, mise en demeure, TOUT EST NUL !!!"), context: context)
        let calm = analyzer.analyze(S.message("ok"), context: context)
        #expect(calm.tension.cues.isEmpty)
        #expect(calm.deadlines.isEmpty)
        #expect(calm.urgency.priority == .normal)
        #expect(calm == ToneAnalyzer(resources: S.resources).analyze(S.message("ok"), context: context))
    }

    @Test func resourcesAreSharedAcrossTasks() async {
        let resources = S.resources
        let lines = ["Trop bien, merci !", "This is your last warning", "Réponse avant demain 18h", "Dear Sir, kind regards"]
        let expected = lines.map { S.analyze($0, language: nil) }
        let results = await withTaskGroup(of: (Int, ToneReport).self) { group in
            for (index, line) in lines.enumerated() {
                group.addTask {
                    let message = try! Fixtures.segmenter().read(line)
                    let report = ToneAnalyzer(resources: resources).analyze(
                        message,
                        context: ToneContext(referenceTime: S.friday27March2026))
                    return (index, report)
                }
            }
            var collected = [ToneReport?](repeating: nil, count: lines.count)
            for await (index, report) in group { collected[index] = report }
            return collected
        }
        #expect(results == expected)
    }
}
