/// One line of a labelled data set: `label<TAB>text` or `label<TAB>lang<TAB>text`.
public struct LabelledMessage: Hashable, Sendable {
    public var label: String
    /// The language column when present (`fr`, `en`, `mixed`).
    public var language: String?
    public var text: String
    /// 1-based line in the source file.
    public var line: Int

    public init(label: String, language: String? = nil, text: String, line: Int) {
        self.label = label
        self.language = language
        self.text = text
        self.line = line
    }

    /// Parses TSV text with two or three columns; lines with fewer columns are skipped.
    public static func parseTSV(_ text: String) -> [LabelledMessage] {
        var result: [LabelledMessage] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            switch fields.count {
            case 2: result.append(LabelledMessage(label: String(fields[0]), text: String(fields[1]), line: number))
            case 3: result.append(LabelledMessage(label: String(fields[0]), language: String(fields[1]), text: String(fields[2]), line: number))
            default: continue
            }
        }
        return result
    }
}
