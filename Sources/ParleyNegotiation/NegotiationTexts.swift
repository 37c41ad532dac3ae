import ParleyText
import ParleyTone

/// The sentences of `Lexicons/negotiation/texts.map`, by key and language, with `{placeholder}`
/// filling.
struct NegotiationTexts: Sendable {
    private var texts: [String: [String]] = [:]  // key → [fr, en]

    /// Keys the engine uses; loading checks each has both languages.
    static func requiredKeys() -> [String] {
        var keys: [String] = []
        for topic in Topic.allCases {
            keys.append("topic.\(topic.rawValue)")
            keys.append("missing.\(topic.rawValue)")
        }
        for topic in [Topic.rights, .payment, .cancellation, .contract] { keys.append("legal.\(topic.rawValue)") }
        keys += [
            "warning.below", "warning.above", "market.range.region", "market.range.all", "market.factors",
            "factor.weekend", "factor.festival", "factor.summer", "factor.capacity", "market.closed",
            "timeline.soon", "timeline.tomorrow", "timeline.today", "timeline.passed",
            "stage.failed", "stage.signed", "stage.negotiation.settled", "stage.negotiation.price", "stage.discussion",
        ]
        return keys
    }

    static func parse(_ file: TableFile, diagnostics: inout [Diagnostic]) -> NegotiationTexts {
        var result = NegotiationTexts()
        var firstLine: [String: Int] = [:]
        for line in file.lines {
            guard line.texts.count >= 3, let language = ToneLanguage(rawValue: line.texts[1]) else {
                diagnostics.append(
                    Diagnostic(file: file.path, line: line.number, column: line.columns[min(1, line.columns.count - 1)],
                               message: "expected '<key> <fr|en> <text…>'"))
                continue
            }
            let key = line.texts[0]
            var pair = result.texts[key, default: ["", ""]]
            if !pair[language.slot].isEmpty {
                diagnostics.append(
                    Diagnostic(file: file.path, line: line.number, column: line.columns[0],
                               message: "'\(key)' \(language.rawValue) is already defined on line \(firstLine[key] ?? 0)"))
                continue
            }
            pair[language.slot] = line.texts[2...].joined(separator: " ")
            result.texts[key] = pair
            firstLine[key] = firstLine[key] ?? line.number
        }
        for key in requiredKeys() {
            for language in ToneLanguage.allCases where result.texts[key]?[language.slot].isEmpty ?? true {
                diagnostics.append(Diagnostic(file: file.path, message: "missing text '\(key)' in \(language.rawValue)"))
            }
        }
        return result
    }

    /// The text of a key in a language, placeholders filled. Allocates the result.
    func text(_ key: String, _ language: ToneLanguage, _ values: [(String, String)] = []) -> String {
        var text = texts[key]?[language.slot] ?? key
        for (name, value) in values {
            text = text.replacing("{\(name)}", with: value)
        }
        return text
    }
}
