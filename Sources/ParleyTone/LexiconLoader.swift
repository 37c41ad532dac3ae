import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads ParleyTone's lexicon files into phrase tables over one shared ``WordTable``, collecting
/// every problem as a ``Diagnostic`` with file:line:column instead of stopping at the first.
///
/// Phrase files have the entry first (one or more words) and a fixed number of fields after it:
/// `très content 2.5`, `bien cordialement signoff 2.5`. Entries are folded with the segmenter's own
/// folding, so they match messages however they were typed.
struct LexiconLoader {
    /// A problem with one trailing field of a line: which field (0-based among the trailing ones) and why.
    struct FieldError: Error {
        var field: Int
        var message: String
    }

    var words = WordTable()
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    let fold: (String) -> String

    init(fold: @escaping (String) -> String) {
        self.fold = fold
    }

    /// Reads a file, or records why it cannot be read and returns nil.
    mutating func table(_ path: String) -> TableFile? {
        guard let file = TableFile.read(path, recordingErrorsIn: &diagnostics) else { return nil }
        files.append(path)
        return file
    }

    /// Reads a whole UTF-8 text file (for formats that are not tables), or records why it cannot.
    mutating func textFile(_ path: String) -> String? {
        do {
            let text = try TableFile.readText(path)
            files.append(path)
            return text
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// Loads a phrase file whose lines end with `trailing` fields, decoded by `decode`.
    mutating func phrases<Payload: Sendable>(
        _ path: String, trailing: Int, usage: String,
        decode: ([String]) throws(FieldError) -> Payload
    ) -> PhraseTable<Payload> {
        var table = PhraseTableBuilder<Payload>()
        guard let file = self.table(path) else { return PhraseTable(table) }
        for line in file.lines {
            let count = line.texts.count
            guard count > trailing else {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line.number, column: line.columns[0],
                        message: "expected \(usage)"))
                continue
            }
            let payload: Payload
            do {
                payload = try decode(Array(line.texts[(count - trailing)...]))
            } catch {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line.number, column: line.columns[count - trailing + error.field],
                        message: "\(error.message) (expected \(usage))"))
                continue
            }
            let entry = line.texts[..<(count - trailing)].joined(separator: " ")
            let folded = fold(entry).split(separator: " ")
            guard !folded.isEmpty else {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line.number, column: line.columns[0],
                        message: "'\(entry)' has no word left once folded"))
                continue
            }
            let ids = folded.map { words.intern($0.utf8) }
            if let old = table.add(words: ids, payload: payload, source: LexiconSource(file: path, line: line.number)) {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line.number, column: line.columns[0], severity: .warning,
                        message: "'\(entry)' repeats line \(old.source.line); this line wins"))
            }
        }
        return PhraseTable(table)
    }

    /// Loads a file of exact symbols (emoji, emoticons) and a number: `🔥 2.2`, `:) 2`.
    mutating func symbols(_ path: String, table: inout WordTable) -> [Double] {
        var values: [Double] = []
        guard let file = self.table(path) else { return values }
        for line in file.lines {
            guard line.texts.count == 2, let value = Double(line.texts[1]), (-4...4).contains(value) else {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line.number, column: line.columns[min(1, line.texts.count - 1)],
                        message: "expected '<emoji or emoticon> <valence -4..4>'"))
                continue
            }
            let key = SymbolKey.canonical(Array(line.texts[0].utf8))
            let id = table.intern(key)
            if Int(id) < values.count {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: line.number, column: line.columns[0], severity: .warning,
                        message: "'\(line.texts[0])' is listed twice; this line wins"))
                values[Int(id)] = value
            } else {
                values.append(value)
            }
        }
        return values
    }

    // MARK: field decoders

    static func number(_ text: String, field: Int, in range: ClosedRange<Double>) throws(FieldError) -> Double {
        guard let value = Double(text), range.contains(value) else {
            throw FieldError(field: field, message: "'\(text)' is not a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    static func keyword<Value: RawRepresentable & CaseIterable>(_ text: String, field: Int, as type: Value.Type) throws(FieldError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldError(field: field, message: "unknown kind '\(text)' (known: \(known))")
        }
        return value
    }
}

/// Emoji keys are compared without variation selector 16 (U+FE0F), which keyboards add or omit.
enum SymbolKey {
    static let variationSelector16: [UInt8] = [0xEF, 0xB8, 0x8F]

    static func canonical(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xB8, bytes[index + 2] == 0x8F {
                index += 3
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}
