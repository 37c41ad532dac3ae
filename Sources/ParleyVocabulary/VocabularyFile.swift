#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyText

/// Reads one `.vocab` file: `kind | canonical | variants | weight` per line, `#` comments.
///
/// Parsing never stops at the first problem: every bad line gives a ``Diagnostic`` with its
/// file, line and column, and good lines still give entries. See `Lexicons/vocabulary/README.md`.
public enum VocabularyFile {
    /// Parses vocabulary text.
    /// - Parameter path: the file name used in entries' sources and in diagnostics.
    /// - Returns: the entries of the good lines and the diagnostics (errors and warnings).
    /// - Complexity: O(length of the text); load-time only.
    public static func parse(_ text: String, path: String) -> (entries: [VocabularyEntry], diagnostics: [Diagnostic]) {
        var entries: [VocabularyEntry] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = splitFields(Substring(rawLine))
            if fields.isEmpty { continue }
            func error(_ column: Int, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: lineNumber, column: column, message: message))
            }
            guard fields.count <= 4 else {
                error(fields[4].column, "too many fields: expected 'kind | canonical | variants | weight'")
                continue
            }
            guard let kind = VocabularyKind(rawValue: fields[0].text) else {
                let known = VocabularyKind.allCases.map(\.rawValue).joined(separator: ", ")
                error(fields[0].column, fields[0].text.isEmpty
                    ? "missing kind (one of \(known))"
                    : "unknown kind '\(fields[0].text)' (expected one of \(known))")
                continue
            }
            guard fields.count >= 2, !fields[1].text.isEmpty else {
                error(fields.count >= 2 ? fields[1].column : fields[0].column + fields[0].text.count,
                      "missing canonical form after the kind")
                continue
            }
            let canonical = fields[1].text
            var variants: [String] = []
            var valid = true
            if fields.count >= 3, !fields[2].text.isEmpty {
                var column = fields[2].column
                for part in fields[2].text.split(separator: ",", omittingEmptySubsequences: false) {
                    let leading = part.prefix { $0 == " " || $0 == "\t" }.count
                    let variant = trimmed(part)
                    if variant.isEmpty {
                        error(column + leading, "empty variant (two commas in a row or a trailing comma)")
                        valid = false
                    } else {
                        variants.append(variant)
                    }
                    column += part.count + 1
                }
            }
            var weight = VocabularyEntry.defaultWeight
            if fields.count == 4 {
                if let value = Int(fields[3].text), VocabularyEntry.weightRange.contains(value) {
                    weight = value
                } else {
                    error(fields[3].column, "weight '\(fields[3].text)' is not an integer from 0 to 100")
                    valid = false
                }
            }
            let folder = CodePointFolder.shared
            if folder.fold(canonical).isEmpty {
                error(fields[1].column, "'\(kind.rawValue) | \(canonical)' has nothing to match once folded: write letters or digits")
                valid = false
            }
            for variant in variants where folder.fold(variant).isEmpty {
                error(fields[2].column, "variant '\(variant)' has nothing to match once folded: write letters or digits")
                valid = false
            }
            guard valid else { continue }
            let key = kind.rawValue + "|" + canonical.lowercased()
            if let first = seen[key] {
                diagnostics.append(Diagnostic(file: path, line: lineNumber, column: fields[1].column, severity: .warning,
                    message: "'\(canonical)' is already a \(kind.rawValue) on line \(first); the entries are merged"))
            } else {
                seen[key] = lineNumber
            }
            entries.append(VocabularyEntry(kind: kind, canonical: canonical, variants: variants, weight: weight,
                                           source: "\(path):\(lineNumber)"))
        }
        return (entries, diagnostics)
    }

    /// Reads and parses a file.
    /// - Throws: ``Diagnostic`` when the file cannot be read or is not UTF-8.
    public static func read(_ path: String) throws(Diagnostic) -> (entries: [VocabularyEntry], diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: path, message: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: path, message: "file is not valid UTF-8")
        }
        return parse(text, path: path)
    }

    /// Splits a line on `|` up to its comment; each field trimmed, with the 1-based column (in
    /// characters) where its text starts. A blank or comment-only line gives no field.
    static func splitFields(_ line: Substring) -> [(text: String, column: Int)] {
        var fields: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        var column = 0
        var previousIsSpace = true
        var sawBar = false
        var fieldColumn = 1  // where the current field begins, reported when it is empty
        for character in line {
            column += 1
            if character == "#" && previousIsSpace { break }
            previousIsSpace = character == " " || character == "\t"
            if character == "|" {
                fields.append((trimmed(Substring(current)), start == 0 ? fieldColumn : start))
                current = ""
                start = 0
                sawBar = true
                fieldColumn = column + 1
                continue
            }
            if character == "\r" { continue }
            if start == 0 && !previousIsSpace { start = column }
            current.append(character)
        }
        let last = trimmed(Substring(current))
        if sawBar || !last.isEmpty { fields.append((last, start == 0 ? fieldColumn : start)) }
        return fields
    }

    static func trimmed(_ text: Substring) -> String {
        var slice = text[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
