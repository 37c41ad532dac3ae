#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A plain-text table file: one entry per line, fields separated by white space, `#` comments
/// (at the start of a line or after white space), blank lines ignored. Used for the small tables
/// that steer segmentation and folding (`Lexicons/text/*.map`).
public struct TableFile: Sendable {
    /// One non-comment line.
    public struct Line: Sendable, Hashable {
        /// 1-based line number.
        public var number: Int
        /// Fields with their 1-based starting column (in characters).
        public var fields: [(text: String, column: Int)] {
            zip(texts, columns).map { ($0, $1) }
        }
        public var texts: [String]
        public var columns: [Int]
    }

    public var path: String
    public var lines: [Line]

    /// Reads and splits a table file.
    /// - Throws: ``Diagnostic`` naming the file when it cannot be read or is not UTF-8.
    public static func read(_ path: String) throws(Diagnostic) -> TableFile {
        parse(try readText(path), path: path)
    }

    /// Reads a table, or appends why it cannot be read to `diagnostics` and returns nil: for loaders
    /// that report every problem of a lexicon folder at once.
    public static func read(_ path: String, recordingErrorsIn diagnostics: inout [Diagnostic]) -> TableFile? {
        do {
            return try read(path)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// Reads a whole UTF-8 text file, for lexicon formats that are not tables.
    /// - Throws: a ``Diagnostic`` naming the file when it cannot be read or is not UTF-8.
    public static func readText(_ path: String) throws(Diagnostic) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw Diagnostic(file: path, message: exists ? "cannot read file" : "cannot read file: no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: path, message: "file is not valid UTF-8")
        }
        return text
    }

    /// Splits table text into lines of fields.
    public static func parse(_ text: String, path: String) -> TableFile {
        var lines: [Line] = []
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var texts: [String] = []
            var columns: [Int] = []
            var current = ""
            var start = 0
            var column = 0
            for character in rawLine {
                column += 1
                if character == " " || character == "\t" || character == "\r" {
                    if !current.isEmpty {
                        texts.append(current)
                        columns.append(start)
                        current = ""
                    }
                    continue
                }
                if character == "#" && current.isEmpty { break }
                if current.isEmpty { start = column }
                current.append(character)
            }
            if !current.isEmpty {
                texts.append(current)
                columns.append(start)
            }
            if !texts.isEmpty { lines.append(Line(number: number, texts: texts, columns: columns)) }
        }
        return TableFile(path: path, lines: lines)
    }
}
