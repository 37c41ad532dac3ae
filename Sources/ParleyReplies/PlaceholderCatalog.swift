import ParleyText

/// The placeholders templates, replies and ice-breakers may use (`[NOM_LIEU]`, `[CACHET]`…), from
/// `Lexicons/templates/placeholders.map`: each with the context key callers fill it with, a sample
/// value per language (what `parley templates lint` renders to check lengths) and a description.
public struct PlaceholderCatalog: Sendable {
    public struct Placeholder: Sendable, Hashable {
        /// As written between brackets: `NOM_LIEU`.
        public var name: String
        /// The context key that fills it: `venue`. Several placeholders may share a key
        /// (`GENRE` and `GENRE_MUSICAL` are both `genre`).
        public var key: String
        public var frenchSample: String
        public var englishSample: String
        public var description: String
        /// Where it is declared.
        public var line: Int

        /// The sample value in a language.
        public func sample(_ language: ReplyLanguage) -> String { language == .fr ? frenchSample : englishSample }
    }

    public let placeholders: [Placeholder]
    public let path: String
    private let indexByName: [String: Int32]
    private let indicesByKey: [String: [Int32]]

    /// The placeholder with this name (without brackets); nil when unknown. O(1).
    public func id(named name: String) -> Int32? { indexByName[name] }

    /// The placeholders a context key fills; empty when no placeholder uses it. O(1).
    public func ids(forKey key: String) -> [Int32] { indicesByKey[key] ?? [] }

    /// Every context key, sorted.
    public var keys: [String] { indicesByKey.keys.sorted() }

    /// Parses the catalog's text; every bad line is a diagnostic with file:line:col.
    /// - Complexity: O(length of the text).
    static func parse(_ text: String, path: String) -> (PlaceholderCatalog, [Diagnostic]) {
        var placeholders: [Placeholder] = []
        var diagnostics: [Diagnostic] = []
        var indexByName: [String: Int32] = [:]
        var indicesByKey: [String: [Int32]] = [:]
        for line in SourceLine.lines(of: text, leading: 2) {
            func fail(_ column: Int, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: line.number, column: column, message: message))
            }
            guard line.fields.count == 2 else {
                fail(line.fields.first?.column ?? 1, "expected 'NAME key  french sample | english sample | description'")
                continue
            }
            let name = line.fields[0].text
            let key = line.fields[1].text
            guard Self.isName(name.utf8) else {
                fail(line.fields[0].column, "'\(name)' is not a placeholder name: capital letters, digits and '_', starting with a letter")
                continue
            }
            guard key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) }) else {
                fail(line.fields[1].column, "'\(key)' is not a context key: lower-case letters, digits and '_'")
                continue
            }
            let parts = line.rest.text.split(separator: "|", omittingEmptySubsequences: false)
                .map { String($0.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
                fail(line.rest.column, "expected 'french sample | english sample | description' after the key")
                continue
            }
            if indexByName[name] != nil {
                fail(line.fields[0].column, "placeholder \(name) is declared twice")
                continue
            }
            let id = Int32(placeholders.count)
            indexByName[name] = id
            indicesByKey[key, default: []].append(id)
            placeholders.append(Placeholder(
                name: name, key: key, frenchSample: parts[0], englishSample: parts[1], description: parts[2], line: line.number))
        }
        if placeholders.isEmpty { diagnostics.append(Diagnostic(file: path, message: "no placeholder declared")) }
        return (PlaceholderCatalog(placeholders: placeholders, path: path, indexByName: indexByName, indicesByKey: indicesByKey), diagnostics)
    }

    /// `NAME`: an ASCII capital first, then capitals, digits or underscores.
    static func isName(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first, first >= 0x41, first <= 0x5A else { return false }
        return bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") }
    }
}
