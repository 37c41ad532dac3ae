import Foundation
import GRDB
import GRDBSQLite
import ParleyText
import ParleyVocabulary

/// Parley's search analysis as a SQLite FTS5 tokenizer, so an embedded chat index matches
/// `cafe concert` to `Café-Concert`, `concerts` to `concert`, `reservé` to `réservée`, and amounts
/// and dates as typed terms.
///
///     try dbQueue.write { db in
///         ParleyFTS5Tokenizer.register(in: db, resources: searchResources)
///         try db.create(virtualTable: "message_fts", using: FTS5()) { t in
///             t.tokenizer = ParleyFTS5Tokenizer.tokenizerDescriptor(arguments: ["fr", "en"])
///             t.column("body")
///         }
///     }
///
/// Arguments are the languages (default `fr en`): the first language's stems are the tokens, the
/// others' are colocated alternatives (`FTS5_TOKEN_COLOCATED`), so one index serves mixed French
/// and English chat. Prefix queries (`conc*`) are folded but not stemmed. Offsets are UTF-8 bytes.
///
/// Each table owns one tokenizer and SQLite calls it on its connection's thread only, so the
/// tokenizer's ``SearchAnalyzer`` (not thread-safe) is never shared.
public final class ParleyFTS5Tokenizer: FTS5CustomTokenizer {
    public static let name = "parley"
    /// Messages longer than this are indexed up to here (the analyzer's limit).
    public static let maximumBytes = 1 << 20

    private let analyzer: SearchAnalyzer

    /// Registers the tokenizer on a connection with the resources its analyzers load from.
    /// Call it on every connection that reads or writes a table using it (e.g. in
    /// `Configuration.prepareDatabase`). The resources are process-wide: the last ones registered
    /// serve tokenizers created afterwards.
    public static func register(in db: Database, resources: SearchResources) {
        registry.set(resources)
        db.add(tokenizer: ParleyFTS5Tokenizer.self)
    }

    /// Creates the tokenizer of a table (SQLite calls this through GRDB).
    /// - Throws: `DatabaseError` for an unknown language or when ``register(in:resources:)`` was not called.
    public init(db: Database, arguments: [String]) throws {
        guard let resources = Self.registry.get() else {
            throw DatabaseError(message: "parley tokenizer: call ParleyFTS5Tokenizer.register(in:resources:) first")
        }
        var languages: [SearchLanguage] = []
        for argument in arguments {
            guard let language = SearchLanguage(code: argument) else {
                throw DatabaseError(message: "parley tokenizer: unsupported language '\(argument)' (expected fr or en)")
            }
            languages.append(language)
        }
        if languages.isEmpty { languages = [.french, .english] }
        do {
            analyzer = try SearchAnalyzer(resources: resources, languages: languages,
                                          limits: TextLimits(maximumBytes: Self.maximumBytes))
        } catch {
            throw DatabaseError(message: "parley tokenizer: \(error)")
        }
    }

    public func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
                         nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let length = min(Int(nText), Self.maximumBytes)
        let text = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: length)
        var code = SQLITE_OK
        do {
            let mode: SearchMode = tokenization.contains(.prefix) ? .prefix : tokenization.contains(.query) ? .query : .document
            try analyzer.forEachTerm(in: text, mode: mode) { view in
                guard code == SQLITE_OK else { return }
                view.bytes.withMemoryRebound(to: CChar.self) { term in
                    code = tokenCallback(context, view.isAlternative ? FTS5_TOKEN_COLOCATED : 0, term.baseAddress, CInt(term.count),
                                         CInt(view.span.utf8.lowerBound), CInt(view.span.utf8.upperBound))
                }
            }
        } catch {
            return SQLITE_ERROR
        }
        return code
    }

    /// A MATCH expression for what a user typed in a search box: each run of text between white
    /// space (a word, `café-concert`, `15/03`, `1500€`) becomes a quoted FTS5 string, so that no
    /// character can break the FTS5 syntax, and all of them are required. Runs that give no term
    /// (stop words, punctuation) are left out; `nil` when nothing is left. Amounts written with
    /// spaces (`1 500 €`) stay one run.
    /// - Complexity: O(n); allocates the pattern.
    public static func matchPattern(for query: String, analyzer: SearchAnalyzer, segmenter: Segmenter) -> String? {
        guard let message = try? segmenter.read(query) else { return nil }
        var pieces: [String] = []
        var start: Int?
        var end = 0
        func flush() {
            guard let first = start else { return }
            start = nil
            let piece = String(decoding: message.original[first..<end], as: UTF8.self)
            guard let terms = try? analyzer.analyze(piece, mode: .query), !terms.isEmpty else { return }
            pieces.append("\"" + piece.replacing("\"", with: "\"\"") + "\"")
        }
        for token in message.tokens {
            if token.kind == .whitespace {
                flush()
                continue
            }
            if start == nil { start = token.span.utf8.lowerBound }
            end = token.span.utf8.upperBound
        }
        flush()
        return pieces.isEmpty ? nil : pieces.joined(separator: " ")
    }

    private static let registry = ResourceRegistry()
}

/// The process-wide resources for tokenizers that SQLite creates (it cannot pass Swift values).
private final class ResourceRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var resources: SearchResources?

    func set(_ value: SearchResources) {
        lock.lock()
        defer { lock.unlock() }
        resources = value
    }

    func get() -> SearchResources? {
        lock.lock()
        defer { lock.unlock() }
        return resources
    }
}
