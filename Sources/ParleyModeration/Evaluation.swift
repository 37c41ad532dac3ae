/// Precision, recall and F1 of a labelled set, with the confusion matrix and the misclassified
/// messages: what `parley eval` prints and what the quality test checks.
public struct Evaluation: Sendable {
    /// One scored message.
    public struct Item: Sendable {
        public var gold: String
        public var predicted: String
        public var text: String
        public var line: Int
        /// The rules behind the prediction (`SYMBOL(weight)`), for error lists.
        public var rules: String
        public init(gold: String, predicted: String, text: String, line: Int, rules: String) {
            self.gold = gold
            self.predicted = predicted
            self.text = text
            self.line = line
            self.rules = rules
        }
    }

    public struct Score: Sendable, Hashable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public let items: [Item]
    /// Labels in report order: `ok` first, then the others sorted.
    public let labels: [String]
    /// `confusion[gold]?[predicted]` = count.
    public let confusion: [String: [String: Int]]
    public let scores: [Score]

    /// - Parameter labels: labels to report even if absent (the classes of the classifier).
    public init(items: [Item], labels extra: [String] = []) {
        self.items = items
        var set = Set(extra)
        for item in items {
            set.insert(item.gold)
            set.insert(item.predicted)
        }
        let labels = (set.contains("ok") ? ["ok"] : []) + set.subtracting(["ok"]).sorted()
        self.labels = labels
        var confusion: [String: [String: Int]] = [:]
        for item in items { confusion[item.gold, default: [:]][item.predicted, default: 0] += 1 }
        self.confusion = confusion
        self.scores = labels.map { label in
            let truePositives = Double(confusion[label]?[label] ?? 0)
            let predicted = Double(items.filter { $0.predicted == label }.count)
            let support = items.filter { $0.gold == label }.count
            let precision = predicted == 0 ? 0 : truePositives / predicted
            let recall = support == 0 ? 0 : truePositives / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return Score(label: label, precision: precision, recall: recall, f1: f1, support: support)
        }
    }

    /// Mean F1 over the labels that occur in the gold data.
    public var macroF1: Double {
        let present = scores.filter { $0.support > 0 }
        return present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
    }

    /// Messages labelled `ok` that were flagged.
    public var falsePositives: [Item] { items.filter { $0.gold == "ok" && $0.predicted != "ok" } }
    /// Bad messages predicted `ok`.
    public var falseNegatives: [Item] { items.filter { $0.gold != "ok" && $0.predicted == "ok" } }
    /// Bad messages put in the wrong bad category.
    public var confusions: [Item] { items.filter { $0.gold != "ok" && $0.predicted != "ok" && $0.gold != $0.predicted } }

    /// A plain-text report: per-label scores, confusion matrix, and the error lists.
    public func report(listErrors: Bool = true) -> String {
        func format(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            return "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
        }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines: [String] = []
        lines.append(pad("label", 12) + pad("precision", 11) + pad("recall", 9) + pad("f1", 8) + "support")
        for score in scores {
            lines.append(pad(score.label, 12) + pad(format(score.precision), 11) + pad(format(score.recall), 9) + pad(format(score.f1), 8) + "\(score.support)")
        }
        lines.append("macro F1 \(format(macroF1)) over \(scores.filter { $0.support > 0 }.count) labels, \(items.count) messages")
        lines.append("")
        lines.append("confusion (rows: gold, columns: predicted)")
        lines.append(pad("", 12) + labels.map { pad($0, 11) }.joined())
        for gold in labels {
            lines.append(pad(gold, 12) + labels.map { pad("\(confusion[gold]?[$0] ?? 0)", 11) }.joined())
        }
        if listErrors {
            for (title, list) in [("false positives", falsePositives), ("false negatives", falseNegatives), ("wrong category", confusions)] {
                lines.append("")
                lines.append("\(title): \(list.count)")
                for item in list {
                    lines.append("  line \(item.line) \(item.gold) → \(item.predicted): \(item.text)")
                    if !item.rules.isEmpty { lines.append("      \(item.rules)") }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
