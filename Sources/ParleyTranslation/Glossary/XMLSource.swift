import CXMLBridge
import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A parsed XML file (TBX, TMX) with its bytes, so that every element can say where it starts as
/// `line:column`. Used while loading only: not `Sendable`, frees the libxml2 document on deinit.
final class XMLSource {
    let path: String
    private let bytes: [UInt8]
    private let document: OpaquePointer
    /// Byte offsets of the first byte of each line.
    private let lineStarts: [Int]

    /// Reads and parses a file. Throws a diagnostic with the parser's line and column for malformed
    /// XML, or the file alone when it cannot be read.
    /// - Complexity: O(file size); parses with libxml2 (no network, no DTD loading).
    static func read(path: String) throws(Diagnostic) -> XMLSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: path, message: "cannot read file")
        }
        return try XMLSource(path: path, bytes: [UInt8](data))
    }

    init(path: String, bytes: [UInt8]) throws(Diagnostic) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
        guard bytes.count < Int(Int32.max) else { throw Diagnostic(file: path, message: "file is too large") }
        var error = ParleyXMLError(message: nil, line: 0, column: 0)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            parley_xml_parse_located(buffer.baseAddress, Int32(buffer.count), &error)
        }
        guard let parsed else {
            let message = error.message.map { String(cString: $0) } ?? "malformed XML"
            parley_xml_free_string(error.message)
            throw Diagnostic(file: path, line: Int(error.line), column: Int(error.column), message: "malformed XML: \(message)")
        }
        document = parsed
    }

    deinit { parley_xml_document_free(document) }

    /// The root element.
    var root: XMLElement? { parley_xml_root(document).map { XMLElement(node: $0, source: self) } }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func location(ofByte offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < offset && index < bytes.count {
            // Count scalars: skip UTF-8 continuation bytes.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// Where an element's start tag begins (its `<`), or its line alone when the parser did not
    /// record an offset.
    func location(of node: OpaquePointer) -> (line: Int, column: Int) {
        var offset = Int(parley_xml_start_offset(node))
        if offset >= 0 && offset <= bytes.count {
            while offset > 0 && (offset >= bytes.count || bytes[offset] != UInt8(ascii: "<")) { offset -= 1 }
            if offset < bytes.count && bytes[offset] == UInt8(ascii: "<") { return location(ofByte: offset) }
        }
        return (Int(parley_xml_line(node)), 0)
    }
}

/// One element of an ``XMLSource``; valid while its source lives (it keeps it alive).
struct XMLElement {
    let node: OpaquePointer
    let source: XMLSource

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The local name (no prefix).
    var name: String { String(cString: parley_xml_name(node)) }

    /// Child elements in document order.
    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = parley_xml_first_element(node)
        while let current = child {
            result.append(XMLElement(node: current, source: source))
            child = parley_xml_next_element(current)
        }
        return result
    }

    /// Child elements with one of the given local names.
    func children(named names: String...) -> [XMLElement] { children.filter { names.contains($0.name) } }

    /// An attribute without namespace, or nil.
    func attribute(_ name: String) -> String? {
        guard let value = parley_xml_attribute(node, name, nil) else { return nil }
        defer { parley_xml_free_string(value) }
        return String(cString: value)
    }

    /// `xml:lang` (or a plain `lang` attribute, which older tools write), or nil.
    var language: String? {
        if let value = parley_xml_attribute(node, "lang", Self.xmlNamespace) {
            defer { parley_xml_free_string(value) }
            return String(cString: value)
        }
        return attribute("lang")
    }

    /// The text of the element and its descendants, whitespace runs collapsed to one space and trimmed.
    var text: String {
        guard let value = parley_xml_text(node) else { return "" }
        defer { parley_xml_free_string(value) }
        return Self.collapsingWhitespace(String(cString: value))
    }

    /// The text without the content of the named descendant elements (inline codes), collapsed and trimmed.
    func text(skipping names: [String]) -> String {
        guard let value = parley_xml_text_skipping(node, names.joined(separator: " ")) else { return "" }
        defer { parley_xml_free_string(value) }
        return Self.collapsingWhitespace(String(cString: value))
    }

    /// Where the element starts.
    var location: (line: Int, column: Int) { source.location(of: node) }

    /// A diagnostic located at this element.
    func diagnostic(_ severity: Diagnostic.Severity = .error, _ message: String) -> Diagnostic {
        let (line, column) = location
        return Diagnostic(file: source.path, line: line, column: column, severity: severity, message: message)
    }

    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
