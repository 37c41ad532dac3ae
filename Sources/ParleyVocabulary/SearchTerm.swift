import ParleyText

/// The type of a search term, named like Elasticsearch's token types where one exists.
public enum SearchTermType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A stemmed, folded word.
    case word = "<ALPHANUM>"
    /// A number as digits (`2500`, `17h`).
    case number = "<NUM>"
    /// An amount with its currency (`1500eur`).
    case amount = "<AMOUNT>"
    /// A calendar date, ISO 8601 (`2025-03-15`, or `--03-15` without a year).
    case date = "<DATE>"
    case url = "<URL>"
    case email = "<EMAIL>"
    /// A phone number as digits (`+33612345678`).
    case phone = "<PHONE>"
    case mention = "<MENTION>"
    case hashtag = "<HASHTAG>"
}

/// One term a search index stores for a message (or looks up for a query).
public struct SearchTerm: Hashable, Sendable, Codable {
    /// The indexed form: folded, and stemmed for words.
    public var term: String
    public var type: SearchTermType
    /// Where the term comes from in the original text.
    public var span: TextSpan
    /// Word position; stop words leave a gap, and alternatives share their word's position.
    public var position: Int
    /// An alternative at the same position as the term before it (a second stem, the date read from
    /// a day number), like a synonym in Elasticsearch or a colocated token in SQLite FTS5.
    public var isAlternative: Bool

    public init(term: String, type: SearchTermType, span: TextSpan, position: Int, isAlternative: Bool) {
        self.term = term
        self.type = type
        self.span = span
        self.position = position
        self.isAlternative = isAlternative
    }
}
