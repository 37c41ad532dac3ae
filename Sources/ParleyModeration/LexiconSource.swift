/// Where a lexicon entry, example or rule comes from: the file a moderator edits and the line in it.
public struct LexiconSource: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (characters).
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line`, the form verdicts and reports show.
    public var description: String { "\(file):\(line)" }
}
