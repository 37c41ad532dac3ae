import ParleyText

/// Reads the concepts of one TBX file (ISO 30042: TBX-Basic and TBX-Core, both the 2019
/// `tbx/conceptEntry/langSec/termSec` names and the 2008 `martif/termEntry/langSet/tig` ones),
/// collecting every problem with file:line:column instead of stopping at the first.
///
/// What Parley reads: `conceptEntry@id`; `langSec@xml:lang` (fr or en); `termSec/term`;
/// `termNote type="partOfSpeech"`, `"grammaticalNumber"` (singular, plural, mass) and
/// `"administrativeStatus"` (preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts);
/// `descrip type="definition"` and `note` for the note. The "do not translate" marker is
/// `transferComment` with the value `do not translate` (or `doNotTranslate`), as a `descrip` of the
/// concept or a `termNote` of any of its terms.
struct TBXReader {
    private(set) var concepts: [GlossaryConcept] = []
    private(set) var diagnostics: [Diagnostic] = []

    static let doNotTranslateValues: Set<String> = ["donottranslate", "dnt"]

    /// Reads one file; problems go to ``diagnostics``, valid concepts to ``concepts``.
    mutating func read(path: String) {
        let source: XMLSource
        do {
            source = try XMLSource.read(path: path)
        } catch {
            diagnostics.append(error)
            return
        }
        guard let root = source.root else {
            diagnostics.append(Diagnostic(file: path, message: "empty XML document"))
            return
        }
        guard root.name == "tbx" || root.name == "martif" else {
            diagnostics.append(root.diagnostic(.error, "expected a TBX document (<tbx> or <martif>), found <\(root.name)>"))
            return
        }
        guard let text = root.children(named: "text").first, let body = text.children(named: "body").first else {
            diagnostics.append(root.diagnostic(.error, "TBX document without <text><body>"))
            return
        }
        var seenIDs: [String: Int] = [:]
        for entry in body.children where entry.name == "conceptEntry" || entry.name == "termEntry" {
            guard let concept = readConcept(entry) else { continue }
            if let firstLine = seenIDs[concept.id] {
                diagnostics.append(entry.diagnostic(.error, "duplicate concept id '\(concept.id)' (first at line \(firstLine))"))
                continue
            }
            seenIDs[concept.id] = concept.line
            concepts.append(concept)
        }
    }

    private mutating func readConcept(_ entry: XMLElement) -> GlossaryConcept? {
        let (line, _) = entry.location
        guard let id = entry.attribute("id"), !id.isEmpty else {
            diagnostics.append(entry.diagnostic(.error, "<\(entry.name)> without an id"))
            return nil
        }
        var concept = GlossaryConcept(id: id, terms: [:], file: entry.source.path, line: line)
        var notes: [String] = []
        var valid = true
        for child in entry.children {
            switch child.name {
            case "descrip", "note", "admin":
                readDescription(child, into: &concept, notes: &notes)
            case "langSec", "langSet":
                guard let code = child.language, !code.isEmpty else {
                    diagnostics.append(child.diagnostic(.error, "<\(child.name)> without xml:lang"))
                    valid = false
                    continue
                }
                guard let language = TranslationLanguage(code: code) else {
                    diagnostics.append(
                        child.diagnostic(.error, "unknown language '\(code)': a Parley glossary pairs French (fr) and English (en)"))
                    valid = false
                    continue
                }
                let terms = readLanguageSection(child, concept: &concept, notes: &notes)
                guard let terms else {
                    valid = false
                    continue
                }
                concept.terms[language, default: []].append(contentsOf: terms)
            default:
                continue
            }
        }
        guard valid else { return nil }
        let missing = TranslationLanguage.allCases.filter { concept.terms[$0]?.isEmpty ?? true }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: " and ")
            diagnostics.append(entry.diagnostic(.error, "concept '\(id)' has no \(names) term: every concept needs both languages"))
            return nil
        }
        concept.note = notes.isEmpty ? nil : notes.joined(separator: " ")
        return concept
    }

    private mutating func readDescription(_ element: XMLElement, into concept: inout GlossaryConcept, notes: inout [String]) {
        let type = element.attribute("type") ?? ""
        let value = element.text
        if type == "transferComment" && Self.isDoNotTranslate(value) {
            concept.doNotTranslate = true
        } else if !value.isEmpty && (element.name == "note" || type == "definition" || type == "context") {
            notes.append(value)
        }
    }

    /// The terms of a language section, or nil when one of them is invalid (diagnosed).
    private mutating func readLanguageSection(
        _ section: XMLElement, concept: inout GlossaryConcept, notes: inout [String]
    ) -> [GlossaryTerm]? {
        var terms: [GlossaryTerm] = []
        var valid = true
        for child in section.children {
            switch child.name {
            case "termSec", "tig":
                if let term = readTermSection(child, concept: &concept, notes: &notes) {
                    terms.append(term)
                } else {
                    valid = false
                }
            case "descrip", "note":
                readDescription(child, into: &concept, notes: &notes)
            default:
                continue
            }
        }
        if terms.isEmpty && valid {
            diagnostics.append(section.diagnostic(.error, "<\(section.name)> without a term"))
            return nil
        }
        return valid ? terms : nil
    }

    private mutating func readTermSection(
        _ section: XMLElement, concept: inout GlossaryConcept, notes: inout [String]
    ) -> GlossaryTerm? {
        let termElements = section.children(named: "term")
        guard let termElement = termElements.first else {
            diagnostics.append(section.diagnostic(.error, "missing <term> in <\(section.name)>"))
            return nil
        }
        if termElements.count > 1 {
            diagnostics.append(termElements[1].diagnostic(.error, "several <term> in one <\(section.name)>: give each term its own"))
            return nil
        }
        let text = termElement.text
        guard !text.isEmpty else {
            diagnostics.append(termElement.diagnostic(.error, "empty term"))
            return nil
        }
        let (line, column) = termElement.location
        var term = GlossaryTerm(text: text, line: line, column: column)
        var valid = true
        for note in section.children where note.name == "termNote" || note.name == "descrip" || note.name == "note" {
            let type = note.attribute("type") ?? ""
            let value = note.text
            switch type {
            case "partOfSpeech":
                term.partOfSpeech = value.isEmpty ? nil : value
            case "grammaticalNumber":
                guard let number = GlossaryTerm.Number(rawValue: value) else {
                    let known = GlossaryTerm.Number.allCases.map(\.rawValue).joined(separator: ", ")
                    diagnostics.append(note.diagnostic(.error, "unknown grammaticalNumber '\(value)' (expected \(known))"))
                    valid = false
                    continue
                }
                term.number = number
            case "administrativeStatus":
                switch value {
                case "preferredTerm-admn-sts", "preferred": term.status = .preferred
                case "admittedTerm-admn-sts", "admitted": term.status = .admitted
                case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "deprecated": term.status = .deprecated
                default:
                    diagnostics.append(note.diagnostic(.error, "unknown administrativeStatus '\(value)'"))
                    valid = false
                }
            case "transferComment":
                if Self.isDoNotTranslate(value) { concept.doNotTranslate = true }
            default:
                if note.name == "note" || type == "definition" || type == "context", !value.isEmpty { notes.append(value) }
            }
        }
        return valid ? term : nil
    }

    static func isDoNotTranslate(_ value: String) -> Bool {
        doNotTranslateValues.contains(String(value.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
