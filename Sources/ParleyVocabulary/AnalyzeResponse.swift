/// Search terms shaped like Elasticsearch's `_analyze` response, so tools that read it (and people
/// who know it) can use Parley's analysis as is:
///
///     {"tokens":[{"token":"caf","start_offset":0,"end_offset":4,"type":"<ALPHANUM>","position":0}]}
///
/// Offsets are UTF-16 code units of the original text, as in Elasticsearch (Java strings).
public struct AnalyzeResponse: Hashable, Sendable, Codable {
    public struct Token: Hashable, Sendable, Codable {
        public var token: String
        public var startOffset: Int
        public var endOffset: Int
        public var type: String
        public var position: Int

        enum CodingKeys: String, CodingKey {
            case token
            case startOffset = "start_offset"
            case endOffset = "end_offset"
            case type
            case position
        }

        public init(token: String, startOffset: Int, endOffset: Int, type: String, position: Int) {
            self.token = token
            self.startOffset = startOffset
            self.endOffset = endOffset
            self.type = type
            self.position = position
        }
    }

    public var tokens: [Token]

    public init(tokens: [Token]) { self.tokens = tokens }

    /// The response for analyzed terms. O(number of terms).
    public init(terms: [SearchTerm]) {
        tokens = terms.map {
            Token(token: $0.term, startOffset: $0.span.utf16.lowerBound, endOffset: $0.span.utf16.upperBound,
                  type: $0.type.rawValue, position: $0.position)
        }
    }
}
