/// One term of a glossary concept in one language, as written in the TBX file.
public struct GlossaryTerm: Sendable, Hashable {
    /// TBX `grammaticalNumber` values Parley reads.
    public enum Number: String, Sendable, Hashable, CaseIterable {
        /// The singular form (the default when the file says nothing).
        case singular
        /// A plural form: the plural of the singular term before it in the same language section, or,
        /// when there is none, a plural-only noun ("balances", "doors").
        case plural
        /// A mass noun: no plural is generated ("backline", "catering").
        case mass
    }

    /// TBX `administrativeStatus`: when two concepts share a term in one language, the preferred
    /// one is the one matched; a term marked admitted still matches when no preferred term shares it.
    public enum Status: String, Sendable, Hashable {
        case preferred
        case admitted
        case deprecated
    }

    /// The term as written (case and accents kept): what a translation emits.
    public var text: String
    public var number: Number
    /// TBX `partOfSpeech` as written ("noun", "verb", "adjective"…), or nil. Plurals are generated
    /// for nouns (and terms with no part of speech) only.
    public var partOfSpeech: String?
    public var status: Status
    /// Where the term's `<term>` element starts.
    public var line: Int
    public var column: Int

    public init(
        text: String, number: Number = .singular, partOfSpeech: String? = nil, status: Status = .preferred,
        line: Int = 0, column: Int = 0
    ) {
        self.text = text
        self.number = number
        self.partOfSpeech = partOfSpeech
        self.status = status
        self.line = line
        self.column = column
    }

    /// Whether regular plurals may be generated for this term.
    var takesGeneratedPlural: Bool {
        guard number == .singular else { return false }
        guard let partOfSpeech else { return true }
        return partOfSpeech.lowercased() == "noun" || partOfSpeech.lowercased() == "commonnoun"
    }
}
