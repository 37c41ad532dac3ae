/// One meaningful line of a reply, cue, ice-breaker or placeholder file, split the way those formats
/// need: a few leading fields separated by white space, then the rest of the line as written.
///
/// Comments are whole lines starting with `#` (after optional spaces), so reply texts may hold a
/// `#hashtag`. Columns are 1-based and count characters, as editors do.
struct SourceLine: Sendable {
    var number: Int
    var fields: [(text: String, column: Int)]
    /// The text after the leading fields, trimmed, with its column; empty when nothing follows.
    var rest: (text: String, column: Int)

    /// The meaningful lines of a file's text, each split into at most `leading` fields and the rest.
    /// - Complexity: O(length of the text).
    static func lines(of text: String, leading: Int) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            var fields: [(text: String, column: Int)] = []
            var column = line.count - trimmed.count + 1
            var remaining = Substring(trimmed)
            while fields.count < leading, !remaining.isEmpty {
                let word = remaining.prefix { $0 != " " && $0 != "\t" }
                fields.append((String(word), column))
                column += word.count
                remaining = remaining.dropFirst(word.count)
                let spaces = remaining.prefix { $0 == " " || $0 == "\t" }
                column += spaces.count
                remaining = remaining.dropFirst(spaces.count)
            }
            var rest = String(remaining)
            while rest.last == " " || rest.last == "\t" { rest.removeLast() }
            result.append(SourceLine(number: number, fields: fields, rest: (rest, column)))
        }
        return result
    }
}
