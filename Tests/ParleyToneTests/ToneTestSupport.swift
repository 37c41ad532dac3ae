import ParleyTesting
import ParleyText

@testable import ParleyTone

/// Shared, loaded-once resources for the tone suites, and helpers to analyse a line of text.
enum ToneTestSupport {
    static let resources: ToneResources = {
        do {
            return try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        } catch {
            fatalError("bundled tone lexicons do not load:\n\(error)")
        }
    }()

    /// Friday 27 March 2026, 10:00 in Paris (09:00 UTC), two days before clocks go forward.
    static let friday27March2026 = 1_774_602_000.0

    static func message(_ text: String) -> Message {
        do {
            return try Fixtures.segmenter().read(text)
        } catch {
            fatalError("cannot read \(text): \(error)")
        }
    }

    static func analyze(
        _ text: String, language: String? = nil, at reference: Double = friday27March2026,
        timeZone: String = ToneContext.defaultTimeZone, previous: ToneReport? = nil,
        history: [Double] = []
    ) -> ToneReport {
        let analyzer = ToneAnalyzer(resources: resources)
        return analyzer.analyze(
            message(text),
            context: ToneContext(
                language: language, referenceTime: reference,
                timeZone: timeZone, previous: previous, recentTensions: history))
    }

    static func sentiment(_ text: String, language: String? = nil) -> Sentiment {
        ToneAnalyzer(resources: resources).sentiment(of: message(text), language: language)
    }

    /// Seconds since 1970 of a wall-clock time in a time zone, computed independently of the code under test.
    static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, utcOffsetHours: Int) -> Double {
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + (hour - utcOffsetHours) * 3_600 + minute * 60)
    }
}
