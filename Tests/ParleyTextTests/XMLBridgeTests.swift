import CXMLBridge
import Testing

/// The libxml2 bridge the glossary (TBX) and memory (TMX) readers stand on.
@Suite("libxml2 bridge")
struct XMLBridgeTests {
    func parse(_ xml: String) -> (OpaquePointer?, ParleyXMLError) {
        var error = ParleyXMLError()
        let bytes = Array(xml.utf8)
        let document = bytes.withUnsafeBufferPointer { parley_xml_parse($0.baseAddress, Int32($0.count), &error) }
        return (document, error)
    }

    func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { parley_xml_free_string(pointer) }
        return String(cString: pointer)
    }

    @Test func walksElementsAttributesAndText() throws {
        let (document, _) = parse("""
            <martif type="TBX"><text><body>
              <termEntry id="t1"><langSet xml:lang="fr"><tig><term>cachet</term></tig></langSet></termEntry>
            </body></text></martif>
            """)
        let doc = try #require(document)
        defer { parley_xml_document_free(doc) }
        let root = try #require(parley_xml_root(doc))
        #expect(String(cString: parley_xml_name(root)) == "martif")
        #expect(string(parley_xml_attribute(root, "type", nil)) == "TBX")
        let text = try #require(parley_xml_first_element(root))
        let body = try #require(parley_xml_first_element(text))
        let entry = try #require(parley_xml_first_element(body))
        #expect(parley_xml_line(entry) == 2)
        let langSet = try #require(parley_xml_first_element(entry))
        #expect(string(parley_xml_attribute(langSet, "lang", "http://www.w3.org/XML/1998/namespace")) == "fr")
        #expect(string(parley_xml_text(langSet)) == "cachet")
        #expect(parley_xml_next_element(entry) == nil)
    }

    @Test func malformedXMLReportsLineAndColumn() {
        let (document, error) = parse("<a>\n  <b></a>")
        #expect(document == nil)
        #expect(error.line == 2)
        #expect(error.column > 0)
        #expect(string(error.message)?.isEmpty == false)
    }

    @Test func externalEntitiesAreNotExpanded() throws {
        // The entity would read a local file if substituted; the bridge never substitutes entities.
        let (document, _) = parse("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><a>before&x;after</a>")
        let doc = try #require(document)
        defer { parley_xml_document_free(doc) }
        let root = try #require(parley_xml_root(doc))
        #expect(string(parley_xml_text(root)) == "beforeafter")
    }
}
