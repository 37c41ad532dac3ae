/// What a text is analyzed for: the terms an index stores and the terms a search looks up differ
/// where a document must be findable in several ways (a date by its day or its month) but a query
/// must stay precise.
public enum SearchMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Text to index: every term and its alternatives.
    case document
    /// What a user searches: dates as a single term.
    case query
    /// The last word of a query being typed (`conc*`): folded, not stemmed.
    case prefix
}
