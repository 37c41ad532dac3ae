import ParleyText

/// One piece of advice for the person about to reply, in the language of the message.
public struct Tip: Hashable, Sendable, Codable {
    /// The rule's id in `tips.rules`.
    public var id: String
    public var text: String
    public var source: LexiconSource
}

/// The facts a tip rule can test, read from one analysed message and its context.
struct ToneFacts {
    var language: ToneLanguage
    var sentiment: Sentiment
    var formality: Formality
    var otherFormality: Formality?
    var urgency: Urgency
    var deadlines: [DateMention]
    var tension: Tension
}

/// Adaptation and mediation tips chosen by rules in `Lexicons/tone/tips.rules`, not in code, so a
/// linguist can reword or add them. The file's header documents the format; a bad line is reported
/// with file:line:column.
struct TipRules: Sendable {
    /// Most tips given for one message: advice is read, a list of seven is not.
    static let maximumTips = 3

    enum Fact: String, Sendable, CaseIterable {
        case sentiment, compound, formality, address
        case otherFormality = "other.formality"
        case otherAddress = "other.address"
        case priority, tension, trend, rising, alert, shouting, sarcasm, deadline, cue, language

        /// Allowed values of a fact compared with = or != (nil for numeric facts).
        var values: [String]? {
            switch self {
            case .sentiment: Sentiment.Label.allCases.map(\.rawValue)
            case .formality: Formality.Level.allCases.map(\.rawValue)
            case .otherFormality: Formality.Level.allCases.map(\.rawValue) + ["none"]
            case .address, .otherAddress: Formality.Address.allCases.map(\.rawValue)
            case .priority: Urgency.Priority.allCases.map(\.rawValue)
            case .rising, .alert, .shouting, .sarcasm, .deadline: ["true", "false"]
            case .cue: ConflictCueKind.allCases.map(\.rawValue)
            case .language: ToneLanguage.allCases.map(\.rawValue)
            case .compound, .tension, .trend: nil
            }
        }
    }

    enum Operator: String, Sendable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    struct Condition: Sendable {
        var fact: Fact
        var op: Operator
        /// For a fact with named values: the value's index in ``Fact/values``.
        var code: Int
        var number: Double
    }

    struct Rule: Sendable {
        var id: String
        var conditions: [Condition]
        var texts: [ToneLanguage: String]
        var source: LexiconSource
    }

    let rules: [Rule]
    /// Every rule's conditions back to back (plain values: testing them retains nothing), and where
    /// each rule's conditions end.
    private let conditions: [Condition]
    private let conditionEnds: [Int]

    init(rules: [Rule]) {
        self.rules = rules
        conditions = rules.flatMap(\.conditions)
        var ends: [Int] = []
        var end = 0
        for rule in rules {
            end += rule.conditions.count
            ends.append(end)
        }
        conditionEnds = ends
    }

    /// Tips whose conditions all hold, in file order, at most ``maximumTips``.
    /// - Complexity: O(conditions); allocates only the tips given.
    func tips(for facts: ToneFacts) -> [Tip] {
        var result: [Tip] = []
        var start = 0
        for (index, end) in conditionEnds.enumerated() {
            defer { start = end }
            var holds = true
            var position = start
            while holds && position < end {
                holds = Self.holds(conditions[position], facts)
                position += 1
            }
            guard holds else { continue }
            let rule = rules[index]
            guard let text = rule.texts[facts.language] ?? rule.texts[facts.language.other] else { continue }
            result.append(Tip(id: rule.id, text: text, source: rule.source))
            if result.count == Self.maximumTips { break }
        }
        return result
    }

    static func holds(_ condition: Condition, _ facts: ToneFacts) -> Bool {
        func compare(_ code: Int) -> Bool {
            condition.op == .equal ? code == condition.code : code != condition.code
        }
        func compare(_ value: Double) -> Bool {
            switch condition.op {
            case .equal: value == condition.number
            case .notEqual: value != condition.number
            case .less: value < condition.number
            case .lessOrEqual: value <= condition.number
            case .greater: value > condition.number
            case .greaterOrEqual: value >= condition.number
            }
        }
        func index<Value: CaseIterable & Equatable>(_ value: Value) -> Int where Value.AllCases == [Value] {
            Value.allCases.firstIndex(of: value) ?? -1
        }
        func flag(_ value: Bool) -> Int { value ? 0 : 1 }  // values: ["true", "false"]
        switch condition.fact {
        case .sentiment: return compare(index(facts.sentiment.label))
        case .compound: return compare(facts.sentiment.compound)
        case .formality: return compare(index(facts.formality.level))
        case .address: return compare(index(facts.formality.address))
        case .otherFormality:
            // values: the levels, then "none"
            return compare(facts.otherFormality.map { index($0.level) } ?? Formality.Level.allCases.count)
        case .otherAddress: return compare(index(facts.otherFormality?.address ?? Formality.Address.none))
        case .priority: return compare(index(facts.urgency.priority))
        case .tension: return compare(facts.tension.score)
        case .trend: return compare(facts.tension.trend.level)
        case .rising: return compare(flag(facts.tension.trend.rising))
        case .alert: return compare(flag(facts.tension.trend.alert))
        case .shouting: return compare(flag(facts.tension.shouting))
        case .sarcasm: return compare(flag(facts.tension.sarcasm))
        case .deadline: return compare(flag(facts.deadlines.contains(where: \.isDeadline)))
        case .cue:
            let kind = ConflictCueKind.allCases[condition.code]
            let present = facts.tension.cues.contains { $0.kind == kind }
            return condition.op == .equal ? present : !present
        case .language: return compare(index(facts.language))
        }
    }

    /// Parses the rules file.
    static func parse(_ text: String, path: String) -> Result<TipRules, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        var rules: [Rule] = []
        var current: Rule? = nil
        var seen: Set<String> = []
        // Errors inside the current rule: then its missing parts are not reported a second time.
        var errorsBeforeRule = 0
        func finish() {
            guard let rule = current else { return }
            if diagnostics.count > errorsBeforeRule {
                current = nil
                return
            }
            if rule.conditions.isEmpty {
                diagnostics.append(Diagnostic(file: path, line: rule.source.line, column: 1, message: "tip '\(rule.id)' has no 'when' line"))
            } else if rule.texts.isEmpty {
                diagnostics.append(Diagnostic(file: path, line: rule.source.line, column: 1, message: "tip '\(rule.id)' has no 'fr' or 'en' text"))
            } else {
                rules.append(rule)
            }
            current = nil
        }
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let content = line.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let keyword = content.prefix { $0 != " " && $0 != "\t" }
            let rest = content.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            let restColumn = indent + (content.count - rest.count) + 1
            switch keyword {
            case "tip":
                finish()
                let id = String(rest).trimmingSpaces
                guard !id.isEmpty, !id.contains(" ") else {
                    diagnostics.append(Diagnostic(file: path, line: number, column: restColumn, message: "expected 'tip <id>' with a one-word id"))
                    continue
                }
                if !seen.insert(id).inserted {
                    diagnostics.append(Diagnostic(file: path, line: number, column: restColumn, message: "tip '\(id)' is defined twice"))
                }
                errorsBeforeRule = diagnostics.count
                current = Rule(id: id, conditions: [], texts: [:], source: LexiconSource(file: path, line: number))
            case "when":
                guard current != nil else {
                    diagnostics.append(Diagnostic(file: path, line: number, column: indent + 1, message: "'when' outside a tip"))
                    continue
                }
                var column = restColumn
                var words: [(String, Int)] = []
                var word = ""
                for character in rest {
                    if character == " " || character == "\t" {
                        if !word.isEmpty {
                            words.append((word, column - word.count))
                            word = ""
                        }
                    } else {
                        word.append(character)
                    }
                    column += 1
                }
                if !word.isEmpty { words.append((word, column - word.count)) }
                var index = 0
                while index < words.count {
                    guard index + 2 < words.count else {
                        diagnostics.append(
                            Diagnostic(
                                file: path, line: number, column: words[index].1,
                                message: "expected '<fact> <operator> <value>'"))
                        break
                    }
                    let (factText, factColumn) = words[index]
                    let (opText, opColumn) = words[index + 1]
                    let (value, valueColumn) = words[index + 2]
                    if let condition = condition(
                        fact: factText, op: opText, value: value,
                        columns: (factColumn, opColumn, valueColumn), line: number, path: path, diagnostics: &diagnostics)
                    {
                        current?.conditions.append(condition)
                    }
                    index += 3
                    if index < words.count {
                        if words[index].0 != "and" {
                            diagnostics.append(
                                Diagnostic(
                                    file: path, line: number, column: words[index].1,
                                    message: "expected 'and' between conditions, found '\(words[index].0)'"))
                            break
                        }
                        index += 1
                        if index == words.count {
                            diagnostics.append(
                                Diagnostic(
                                    file: path, line: number, column: words[index - 1].1,
                                    message: "'and' must be followed by a condition"))
                        }
                    }
                }
            case "fr", "en":
                guard current != nil else {
                    diagnostics.append(Diagnostic(file: path, line: number, column: indent + 1, message: "'\(keyword)' text outside a tip"))
                    continue
                }
                let text = String(rest).trimmingSpaces
                guard !text.isEmpty else {
                    diagnostics.append(Diagnostic(file: path, line: number, column: restColumn, message: "empty tip text"))
                    continue
                }
                current?.texts[ToneLanguage(rawValue: String(keyword))!] = text
            default:
                diagnostics.append(
                    Diagnostic(
                        file: path, line: number, column: indent + 1,
                        message: "unknown keyword '\(keyword)' (expected tip, when, fr, en)"))
            }
        }
        finish()
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(DiagnosticList(diagnostics)) }
        return .success(TipRules(rules: rules))
    }

    private static func condition(
        fact factText: String, op opText: String, value: String, columns: (Int, Int, Int),
        line: Int, path: String, diagnostics: inout [Diagnostic]
    ) -> Condition? {
        guard let fact = Fact(rawValue: factText) else {
            diagnostics.append(
                Diagnostic(
                    file: path, line: line, column: columns.0,
                    message: "unknown fact '\(factText)' (known: \(Fact.allCases.map(\.rawValue).joined(separator: ", ")))"))
            return nil
        }
        guard let op = Operator(rawValue: opText) else {
            diagnostics.append(Diagnostic(file: path, line: line, column: columns.1, message: "unknown operator '\(opText)' (known: = != < <= > >=)"))
            return nil
        }
        if let values = fact.values {
            guard op == .equal || op == .notEqual else {
                diagnostics.append(Diagnostic(file: path, line: line, column: columns.1, message: "'\(factText)' can only be compared with = or !="))
                return nil
            }
            guard let code = values.firstIndex(of: value) else {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line, column: columns.2,
                        message: "'\(value)' is not a value of '\(factText)' (known: \(values.joined(separator: ", ")))"))
                return nil
            }
            return Condition(fact: fact, op: op, code: code, number: 0)
        }
        guard let number = Double(value) else {
            diagnostics.append(Diagnostic(file: path, line: line, column: columns.2, message: "'\(value)' is not a number"))
            return nil
        }
        return Condition(fact: fact, op: op, code: -1, number: number)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
