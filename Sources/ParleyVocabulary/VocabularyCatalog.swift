import ParleyText

/// The vocabularies of every language a server offers completion in, loaded together so that a
/// reload swaps them all or none. Immutable and `Sendable`: share one, replace it whole on reload.
///
/// What a `GET /v1/complete?q=…&lang=…&limit=…` route needs: ``complete(_:language:limit:recent:)``
/// answers with a ``CompletionResponse`` ready to encode.
public final class VocabularyCatalog: Sendable {
    /// The languages loaded, in the order given.
    public let languages: [String]
    private let vocabularies: [String: Vocabulary]

    /// Loads `common/` plus each language's folder from a vocabulary folder (`Lexicons/vocabulary`).
    /// - Throws: ``DiagnosticList`` with every error of every language (file:line:column).
    /// - Complexity: load-time only (tens of milliseconds for the bundled files).
    public static func load(directory: String, languages: [String] = ["fr", "en"],
                            resources: TextResources) throws(DiagnosticList) -> VocabularyCatalog {
        var loaded: [String: Vocabulary] = [:]
        var diagnostics: [Diagnostic] = []
        for language in languages {
            do {
                loaded[language] = try Vocabulary.load(directory: directory, language: language, resources: resources)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return VocabularyCatalog(languages: languages, vocabularies: loaded)
    }

    /// Loads `Lexicons/vocabulary` as found by ``ResourceLocator``.
    public static func loadDefault(languages: [String] = ["fr", "en"], resources: TextResources) throws(DiagnosticList) -> VocabularyCatalog {
        guard let lexicons = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(directory: lexicons + "/vocabulary", languages: languages, resources: resources)
    }

    public init(languages: [String], vocabularies: [String: Vocabulary]) {
        self.languages = languages
        self.vocabularies = vocabularies
    }

    /// The vocabulary of a language code, if loaded.
    public func vocabulary(for language: String) -> Vocabulary? { vocabularies[language] }

    /// Every warning of every language, for a reload report.
    public var warnings: [Diagnostic] { languages.flatMap { vocabularies[$0]?.warnings ?? [] } }

    /// Completes a prefix in a language; `recent` are the user's recent terms, most recent first.
    /// - Returns: `nil` when the language is not loaded.
    /// - Complexity: see ``Vocabulary/complete(_:limit:recent:)``, plus resolving `recent`.
    public func complete(_ prefix: String, language: String, limit: Int = Vocabulary.maximumLimit,
                         recent: [String] = []) -> CompletionResponse? {
        guard let vocabulary = vocabularies[language] else { return nil }
        let usage = recent.isEmpty ? RecentUsage.none : vocabulary.recentUsage(recent)
        return CompletionResponse(query: prefix, lang: language, suggestions: vocabulary.complete(prefix, limit: limit, recent: usage))
    }
}

/// The JSON answer to a completion request: `{"query": "cafe con", "lang": "fr", "suggestions": [...]}`.
public struct CompletionResponse: Hashable, Sendable, Codable {
    public var query: String
    public var lang: String
    public var suggestions: [Completion]

    public init(query: String, lang: String, suggestions: [Completion]) {
        self.query = query
        self.lang = lang
        self.suggestions = suggestions
    }
}
