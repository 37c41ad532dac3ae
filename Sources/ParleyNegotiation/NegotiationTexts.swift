import ParleyText
import ParleyTone

/// The sentences of `Lexicons/negotiation/texts.map`, by key and language, with `{placeholder}`
/// filling.
struct NegotiationTexts: Sendable {
    private var templates: [String: [Template]] = [:]  // key → [fr, en]
    /// Labels, reminders and legal reminders by kind, language and topic, looked up per message.
    private var topicTexts: [[[String]]] = []

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
        var raw: [String: [String]] = [:]
        var firstLine: [String: Int] = [:]
        for line in file.lines {
            guard line.texts.count >= 3, let language = ToneLanguage(rawValue: line.texts[1]) else {
                diagnostics.append(
                    Diagnostic(file: file.path, line: line.number, column: line.columns[min(1, line.columns.count - 1)],
                               message: "expected '<key> <fr|en> <text…>'"))
                continue
            }
            let key = line.texts[0]
            var pair = raw[key, default: ["", ""]]
            if !pair[language.slot].isEmpty {
                diagnostics.append(
                    Diagnostic(file: file.path, line: line.number, column: line.columns[0],
                               message: "'\(key)' \(language.rawValue) is already defined on line \(firstLine[key] ?? 0)"))
                continue
            }
            pair[language.slot] = line.texts[2...].joined(separator: " ")
            raw[key] = pair
            firstLine[key] = firstLine[key] ?? line.number
        }
        for key in requiredKeys() {
            for language in ToneLanguage.allCases where raw[key]?[language.slot].isEmpty ?? true {
                diagnostics.append(Diagnostic(file: file.path, message: "missing text '\(key)' in \(language.rawValue)"))
            }
        }
        var result = NegotiationTexts()
        for (key, pair) in raw { result.templates[key] = pair.map(Template.init) }
        for kind in TopicText.allCases {
            result.topicTexts.append(
                ToneLanguage.allCases.map { language in
                    Topic.allCases.map { raw["\(kind.rawValue).\($0.rawValue)"]?[language.slot] ?? "" }
                })
        }
        return result
    }

    /// The text of a key in a language, placeholders filled.
    /// - Complexity: one dictionary look-up; a text without placeholders is returned as stored (no
    ///   allocation), others are assembled from their parts.
    func text(_ key: String, _ language: ToneLanguage, _ values: [(String, String)] = []) -> String {
        guard let template = templates[key]?[language.slot] else { return key }
        return template.render(values)
    }

    /// A topic's label, reminder or legal reminder; empty when the file has none (a topic that is
    /// not legal has no legal reminder). O(1), no allocation.
    func text(_ kind: TopicText, _ topic: Topic, _ language: ToneLanguage) -> String {
        topicTexts[kind.index][language.slot][topic.index]
    }

    enum TopicText: String, CaseIterable {
        case label = "topic", missing, legal

        var index: Int {
            switch self {
            case .label: return 0
            case .missing: return 1
            case .legal: return 2
            }
        }
    }

    /// A text split at its `{placeholders}`.
    struct Template: Sendable {
        enum Part: Sendable {
            case literal(String)
            case placeholder(String)
        }

        let parts: [Part]
        /// The whole text when it has no placeholder.
        let plain: String?

        init(_ text: String) {
            var parts: [Part] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
                parts.append(.placeholder(String(rest[rest.index(after: open)..<close])))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { parts.append(.literal(String(rest))) }
            self.parts = parts
            if parts.count <= 1, case .literal(let whole)? = parts.first { plain = whole } else { plain = parts.isEmpty ? "" : nil }
        }

        func render(_ values: [(String, String)]) -> String {
            if let plain { return plain }
            var out = ""
            for part in parts {
                switch part {
                case .literal(let text): out += text
                case .placeholder(let name): out += values.first { $0.0 == name }?.1 ?? "{\(name)}"
                }
            }
            return out
        }
    }
}
