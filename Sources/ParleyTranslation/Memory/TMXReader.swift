import ParleyText

/// Reads the translation units of a TMX 1.4b file (`tmx/header@srclang`, `body/tu/tuv@xml:lang/seg`),
/// collecting every problem with file:line:column. Inline codes inside a segment (`bpt`, `ept`, `ph`,
/// `it`, `ut`) hold the native markup of the original document and are left out of the text.
struct TMXReader {
    /// One translation unit with its French and English segments.
    struct Unit {
        var id: String?
        var segments: [TranslationLanguage: String]
        var file: String
        var line: Int
    }

    private(set) var units: [Unit] = []
    private(set) var diagnostics: [Diagnostic] = []

    static let inlineCodes = ["bpt", "ept", "ph", "it", "ut"]

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
        guard root.name == "tmx" else {
            diagnostics.append(root.diagnostic(.error, "expected a TMX document (<tmx>), found <\(root.name)>"))
            return
        }
        guard let header = root.children(named: "header").first else {
            diagnostics.append(root.diagnostic(.error, "TMX document without <header>"))
            return
        }
        guard let sourceLanguage = header.attribute("srclang"), !sourceLanguage.isEmpty else {
            diagnostics.append(header.diagnostic(.error, "<header> without srclang"))
            return
        }
        if sourceLanguage != "*all*" && TranslationLanguage(code: sourceLanguage) == nil {
            diagnostics.append(
                header.diagnostic(.error, "unknown source language '\(sourceLanguage)': a Parley memory pairs French (fr) and English (en)"))
            return
        }
        guard let body = root.children(named: "body").first else {
            diagnostics.append(root.diagnostic(.error, "TMX document without <body>"))
            return
        }
        var seenIDs: [String: Int] = [:]
        for element in body.children(named: "tu") {
            guard let unit = readUnit(element) else { continue }
            if let id = unit.id {
                if let first = seenIDs[id] {
                    diagnostics.append(element.diagnostic(.error, "duplicate tuid '\(id)' (first at line \(first))"))
                    continue
                }
                seenIDs[id] = unit.line
            }
            units.append(unit)
        }
    }

    private mutating func readUnit(_ element: XMLElement) -> Unit? {
        let id = element.attribute("tuid").flatMap { $0.isEmpty ? nil : $0 }
        var unit = Unit(id: id, segments: [:], file: element.source.path, line: element.location.line)
        var valid = true
        for variant in element.children(named: "tuv") {
            guard let code = variant.language, !code.isEmpty else {
                diagnostics.append(variant.diagnostic(.error, "<tuv> without xml:lang"))
                valid = false
                continue
            }
            guard let language = TranslationLanguage(code: code) else {
                diagnostics.append(variant.diagnostic(.warning, "<tuv> in '\(code)' ignored: a Parley memory pairs French and English"))
                continue
            }
            guard let segment = variant.children(named: "seg").first else {
                diagnostics.append(variant.diagnostic(.error, "missing <seg> in <tuv>"))
                valid = false
                continue
            }
            let text = segment.text(skipping: Self.inlineCodes)
            guard !text.isEmpty else {
                diagnostics.append(segment.diagnostic(.error, "empty segment"))
                valid = false
                continue
            }
            if unit.segments[language] != nil {
                diagnostics.append(variant.diagnostic(.error, "second <tuv> in '\(language)' in one <tu>"))
                valid = false
                continue
            }
            unit.segments[language] = text
        }
        guard valid else { return nil }
        let missing = TranslationLanguage.allCases.filter { unit.segments[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: " and ")
            diagnostics.append(element.diagnostic(.error, "translation unit without its \(names) segment: every unit needs both languages"))
            return nil
        }
        return unit
    }
}
