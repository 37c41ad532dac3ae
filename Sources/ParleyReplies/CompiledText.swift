import ParleyText

/// A reply, ice-breaker or template text compiled once at load: literal UTF-8 runs and placeholder
/// ids, so rendering is a few copies into a reused buffer (no parsing, no String per message).
public struct CompiledText: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(Range<Int>)
        case placeholder(Int32)
    }

    let bytes: [UInt8]
    let parts: [Part]

    /// The text as written, placeholders in brackets.
    public var source: String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let range): text += String(decoding: bytes[range], as: UTF8.self)
            case .placeholder(let id): text += "[\(id)]"
            }
        }
        return text
    }

    /// The placeholder ids the text uses, in order (with repeats).
    public var placeholderIDs: [Int32] {
        parts.compactMap { if case .placeholder(let id) = $0 { id } else { nil } }
    }

    /// Compiles `text`: every `[NAME]` whose NAME has the placeholder shape must be in the catalog,
    /// otherwise a diagnostic points at it (`line`, `column` locate the text's first character;
    /// columns advance by characters, and a new line in the text starts at column 1 of the next line).
    /// Brackets around anything else (`[sic]`, `[1]`) stay literal.
    /// - Complexity: O(length of the text).
    static func compile(
        _ text: String, catalog: PlaceholderCatalog, path: String, line: Int, column: Int, diagnostics: inout [Diagnostic]
    ) -> CompiledText {
        var bytes: [UInt8] = []
        var parts: [Part] = []
        var literalStart = 0
        var currentLine = line
        var currentColumn = column
        var index = text.startIndex
        func flush() {
            if bytes.count > literalStart { parts.append(.literal(literalStart..<bytes.count)) }
        }
        while index < text.endIndex {
            let character = text[index]
            if character == "[", let close = text[index...].firstIndex(of: "]") {
                let name = text[text.index(after: index)..<close]
                if !name.isEmpty, !name.contains("\n"), PlaceholderCatalog.isName(name.utf8) {
                    if let id = catalog.id(named: String(name)) {
                        flush()
                        parts.append(.placeholder(id))
                        literalStart = bytes.count
                    } else {
                        diagnostics.append(Diagnostic(
                            file: path, line: currentLine, column: currentColumn,
                            message: "unknown placeholder [\(name)] (declared ones are in \(catalog.path))"))
                        bytes.append(contentsOf: text[index...close].utf8)
                    }
                    currentColumn += name.count + 2
                    index = text.index(after: close)
                    continue
                }
            }
            bytes.append(contentsOf: character.utf8)
            if character == "\n" {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
            index = text.index(after: index)
        }
        flush()
        return CompiledText(bytes: bytes, parts: parts)
    }

    /// Appends the text with `values` filled in; a placeholder without a value stays visible as
    /// `[NAME]` and its id is appended to `unfilled`.
    /// - Complexity: O(length of the result); no allocation once the buffers have grown.
    func render(values: PlaceholderValues, into output: inout [UInt8], unfilled: inout [Int32]) {
        for part in parts {
            switch part {
            case .literal(let range):
                output.append(contentsOf: bytes[range])
            case .placeholder(let id):
                if let value = values.value(id) {
                    output.append(contentsOf: value)
                } else {
                    output.append(UInt8(ascii: "["))
                    output.append(contentsOf: values.catalog.placeholders[Int(id)].name.utf8)
                    output.append(UInt8(ascii: "]"))
                    if !unfilled.contains(id) { unfilled.append(id) }
                }
            }
        }
    }

    /// The text with its placeholders shown as `[NAME]`.
    func display(_ catalog: PlaceholderCatalog) -> String {
        var output: [UInt8] = []
        var unfilled: [Int32] = []
        render(values: PlaceholderValues(catalog: catalog), into: &output, unfilled: &unfilled)
        return String(decoding: output, as: UTF8.self)
    }
}
