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
    /// Hashes of the folded words of the text (placeholders shown), for the echo check of replies;
    /// empty until ``withWords(_:catalog:)``.
    private(set) var words: [UInt64] = []

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

    /// The same text with its folded word hashes computed (segmented once, at load).
    func withWords(_ segmenter: Segmenter, catalog: PlaceholderCatalog) -> CompiledText {
        var copy = self
        guard let message = try? segmenter.read(rendered(PlaceholderValues(catalog: catalog))) else { return copy }
        copy.words = message.folded.bytes.withUnsafeBufferPointer { bytes in
            message.folded.units.map { WordHashing.hash(bytes, $0.folded) }
        }
        return copy
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

}

extension CompiledText {
    /// The text with `values` filled in and the unknown placeholders visible. Allocates the string.
    public func rendered(_ values: PlaceholderValues) -> String {
        var output: [UInt8] = []
        var unfilled: [Int32] = []
        render(values: values, into: &output, unfilled: &unfilled)
        return String(decoding: output, as: UTF8.self)
    }
}

/// FNV-1a over folded word bytes: how replies and messages compare words for the echo check.
enum WordHashing {
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash ^= UInt64(bytes[index])
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
