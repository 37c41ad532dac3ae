import ParleyText

/// Reads a template file: templates one after the other, each a `=== ID` line, `key: value` header
/// lines, a `---` line, then the body up to the next `===` line or the end of the file.
///
/// ```
/// # comments go before the first template or in a header
/// === first-contact/artist-venue/presentation
/// stage: first-contact            # first-contact, follow-up, negotiation
/// direction: artist-venue         # artist-venue, venue-artist, booker-artist, booker-venue, any
/// kind: presentation              # a finer tag: soft-reminder, urgency, price, rider…
/// genre: any                      # a style of genres.map, or any
/// register: vous                  # tu, vous or any
/// tier: standard                  # the smallest tier it fits: standard, super_like, booker_pro
/// title: Présentation courte
/// ---
/// Bonjour [NOM_LIEU],
/// …
/// ```
enum TemplateFile {
    static func parse(
        _ text: String, path: String, language: ReplyLanguage, catalog: PlaceholderCatalog, genres: GenreStyles,
        diagnostics: inout [Diagnostic]
    ) -> [Template] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var templates: [Template] = []
        var index = 0
        func fail(_ line: Int, _ column: Int, _ message: String, _ severity: Diagnostic.Severity = .error) {
            diagnostics.append(Diagnostic(file: path, line: line, column: column, severity: severity, message: message))
        }
        // Anything before the first template must be a comment.
        while index < lines.count, !lines[index].hasPrefix("===") {
            let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
            if !trimmed.isEmpty, trimmed.first != "#" { fail(index + 1, 1, "text outside a template (a template starts with '=== ID')") }
            index += 1
        }
        while index < lines.count {
            let headerLine = index + 1
            let id = String(lines[index].dropFirst(3).drop { $0 == " " })
            index += 1
            if id.isEmpty || id.contains(" ") {
                fail(headerLine, 5, "expected '=== ID' with an ID without spaces (first-contact/artist-venue/presentation)")
            }
            var fields: [String: (value: String, line: Int, column: Int)] = [:]
            var sawSeparator = false
            while index < lines.count, !lines[index].hasPrefix("===") {
                let line = lines[index]
                index += 1
                if line == "---" {
                    sawSeparator = true
                    break
                }
                var content = Substring(line)
                if let hash = content.firstIndex(of: "#"), hash == content.startIndex || content[content.index(before: hash)] == " " {
                    content = content[..<hash]
                }
                let trimmed = content.drop { $0 == " " || $0 == "\t" }
                if trimmed.isEmpty { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    fail(index, 1, "expected 'key: value' or '---' before the body")
                    continue
                }
                let key = String(trimmed[..<colon])
                let valueText = trimmed[trimmed.index(after: colon)...]
                let leading = valueText.prefix { $0 == " " }.count
                var value = String(valueText.dropFirst(leading))
                while value.last == " " || value.last == "\t" { value.removeLast() }
                let column = line.count - trimmed.count + key.count + 2 + leading
                if fields[key] != nil { fail(index, 1, "'\(key)' is set twice") }
                fields[key] = (value, index, column)
            }
            guard sawSeparator else {
                fail(headerLine, 1, "template \(id) has no '---' line before its body")
                continue
            }
            let bodyStart = index
            while index < lines.count, !lines[index].hasPrefix("===") { index += 1 }
            var bodyLines = lines[bodyStart..<index]
            while let last = bodyLines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { bodyLines.removeLast() }
            guard !bodyLines.isEmpty else {
                fail(headerLine, 1, "template \(id) has an empty body")
                continue
            }
            let known: Set<String> = ["stage", "direction", "kind", "genre", "register", "tier", "title"]
            for (key, field) in fields where !known.contains(key) {
                fail(field.line, 1, "unknown key '\(key)' (keys: \(known.sorted().joined(separator: ", ")))")
            }
            func value<T>(_ key: String, _ parse: (String) -> T?, default fallback: T?, expected: String) -> T? {
                guard let field = fields[key] else {
                    if fallback == nil { fail(headerLine, 1, "template \(id) has no '\(key):' line (\(expected))") }
                    return fallback
                }
                guard let parsed = parse(field.value) else {
                    fail(field.line, field.column, "'\(field.value)' is not a valid \(key) (\(expected))")
                    return nil
                }
                return parsed
            }
            let stage = value("stage", Template.Stage.init(rawValue:), default: nil, expected: Template.Stage.allCases.map(\.rawValue).joined(separator: ", "))
            let direction = value("direction", Template.Direction.init(rawValue:), default: .any, expected: Template.Direction.allCases.map(\.rawValue).joined(separator: ", "))
            let genre: String?? = value("genre", { $0 == "any" ? .some(nil) : genres.styles.contains($0) ? .some($0) : nil }, default: .some(nil),
                                         expected: "any or a style of \(genres.path): \(genres.styles.joined(separator: ", "))")
            let register: ReplyRegister?? = value("register", { $0 == "any" ? .some(nil) : ReplyRegister(rawValue: $0).map { .some($0) } }, default: .some(nil),
                                                  expected: "tu, vous or any")
            let tier = value("tier", MessageTier.init(rawValue:), default: .standard, expected: MessageTier.allCases.map(\.rawValue).joined(separator: ", "))
            if language == .en, let register, register != nil {
                fail(fields["register"]!.line, fields["register"]!.column, "English templates have no tu/vous register: use 'any'")
            }
            let body = CompiledText.compile(
                bodyLines.joined(separator: "\n"), catalog: catalog, path: path, line: bodyStart + 1, column: 1, diagnostics: &diagnostics)
            guard !id.isEmpty, let stage, let direction, let genre, let register, let tier else { continue }
            if let previous = templates.first(where: { $0.id == id }) {
                fail(headerLine, 5, "template \(id) is already defined at line \(previous.line)")
                continue
            }
            templates.append(Template(
                id: id, language: language, stage: stage, kind: fields["kind"]?.value ?? "", direction: direction, genre: genre,
                register: register, tier: tier, title: fields["title"]?.value ?? id, body: body, file: path, line: headerLine,
                bodyLine: bodyStart + 1))
        }
        return templates
    }
}
