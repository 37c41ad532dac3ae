import ParleyText

/// The genre styles templates are written for (`Lexicons/templates/genres.map`) and the genre
/// names that map to each: `rock-metal: rock, metal, punk, hard rock`. Names are folded like
/// messages, so `Électro` finds `electro`.
public struct GenreStyles: Sendable {
    public let styles: [String]
    public let path: String
    private let styleByName: [String: String]

    /// The style a genre name belongs to (`"Hard Rock"` → `rock-metal`), or nil; `segmenter` folds
    /// the name like the file's names were.
    /// - Complexity: O(length of the name); folds it (allocates).
    public func style(of genre: String, folding segmenter: Segmenter) -> String? {
        if styles.contains(genre) { return genre }
        return styleByName[segmenter.fold(genre)]
    }

    static func parse(_ text: String, path: String, fold: (String) -> String, diagnostics: inout [Diagnostic]) -> GenreStyles {
        var styles: [String] = []
        var styleByName: [String: String] = [:]
        for line in SourceLine.lines(of: text, leading: 1) {
            let first = line.fields[0]
            guard first.text.hasSuffix(":"), first.text.count > 1 else {
                diagnostics.append(Diagnostic(file: path, line: line.number, column: first.column, message: "expected 'style: name, name, …'"))
                continue
            }
            let style = String(first.text.dropLast())
            if styles.contains(style) {
                diagnostics.append(Diagnostic(file: path, line: line.number, column: first.column, message: "style \(style) is declared twice"))
                continue
            }
            styles.append(style)
            styleByName[fold(style)] = style
            for name in line.rest.text.split(separator: ",") {
                let folded = fold(String(name))
                guard !folded.isEmpty else { continue }
                if let other = styleByName[folded], other != style {
                    diagnostics.append(Diagnostic(
                        file: path, line: line.number, column: line.rest.column,
                        message: "'\(name.drop { $0 == " " })' already belongs to \(other)"))
                }
                styleByName[folded] = style
            }
        }
        return GenreStyles(styles: styles, path: path, styleByName: styleByName)
    }
}
