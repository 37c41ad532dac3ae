import CICUBridge
import ParleyText
import Synchronization

/// A compiled ICU regular expression from a lexicon `/regex/flags` line.
///
/// The compiled pattern is shared and immutable; each ``Moderator`` matches with its own clone
/// (ICU matchers carry state), made once when the moderator is created.
public final class LexiconRegex: Sendable {
    public let pattern: String
    public let flags: String
    /// Phrases one of which must occur for the regex to possibly match (nil: always run), read from
    /// the pattern's leading literal or alternation: its words, the last one as a prefix (the literal
    /// may stop mid-word). Most messages then skip most regexes.
    let anchors: [[PhraseWord]]?
    /// For a regex without anchors that starts with an escaped punctuation character (`\\.exe`), that
    /// byte: messages without it skip the regex. 0 when there is none.
    let requiredByte: UInt8
    private let compiled: Mutex<OpaquePointer>

    /// Compiles a pattern.
    /// - Throws: ``Diagnostic`` at the position ICU reports, relative to `source`.
    public init(pattern: String, flags: String, source: LexiconSource) throws(Diagnostic) {
        var bits: UInt32 = 0
        for flag in flags {
            switch flag {
            case "i": bits |= UInt32(ParleyRegexCaseInsensitive)
            case "m": bits |= UInt32(ParleyRegexMultiline)
            case "s": bits |= UInt32(ParleyRegexDotAll)
            case "x": bits |= UInt32(ParleyRegexComments)
            default: throw Diagnostic(file: source.file, line: source.line, column: source.column, message: "unknown regex flag '\(flag)'")
            }
        }
        var line: Int32 = -1
        var offset: Int32 = -1
        var error: Int32 = 0
        let bytes = Array(pattern.utf8)
        let regex = bytes.withUnsafeBufferPointer {
            parley_regex_open($0.baseAddress, Int32($0.count), bits, &line, &offset, &error)
        }
        guard let regex, error <= 0 else {
            // The pattern starts one column after the opening slash (and the `!` of an allow entry).
            let column = source.column + 1 + (offset >= 0 ? Int(offset) : 0)
            throw Diagnostic(file: source.file, line: source.line, column: column,
                             message: "invalid regex /\(pattern)/: ICU error \(Self.errorName(error))")
        }
        self.pattern = pattern
        self.flags = flags
        // With `x`, spaces in the pattern are not literal: no anchors.
        self.anchors = flags.contains("x") ? nil : Self.anchors(of: pattern)
        let head = Array(pattern.utf8.prefix(2))
        if head.count == 2, head[0] == UInt8(ascii: "\\"), head[1] < 128,
            !(head[1] >= 48 && head[1] <= 57), !(head[1] >= 65 && head[1] <= 90), !(head[1] >= 97 && head[1] <= 122) {
            requiredByte = head[1]
        } else {
            requiredByte = 0
        }
        self.compiled = Mutex(regex)
    }

    deinit {
        compiled.withLock { parley_regex_close($0) }
    }

    /// The literal phrases a match must start with, read from the pattern's leading pieces: literal
    /// words and `(?:a|b)` groups of literal alternatives, separated by spaces (up to 64 phrases, the
    /// cross product of the pieces). `\\bj' espere que …` → [`j' espere que`]; `\\b(?:ton|votre)
    /// (?:paiement|compte) …` → [`ton paiement`, `ton compte`, `votre paiement`, `votre compte`];
    /// `\\bgagne[rz]? …` → [`gagne*`] (a prefix). Nil when the start is not literal: always run.
    static func anchors(of pattern: String) -> [[PhraseWord]]? {
        var rest = Substring(pattern)
        if rest.hasPrefix("^") { rest = rest.dropFirst() }
        guard rest.hasPrefix("\\b") else { return nil }
        rest = rest.dropFirst(2)
        let special: Set<Character> = ["\\", "[", "]", "(", ")", "?", "*", "+", "{", "}", ".", "|", "^", "$"]
        let quantifiers: Set<Character> = ["?", "*", "{", "+"]
        // Each piece: its alternatives (each a list of words), and whether the piece's end is a word end.
        var phrases: [[String]] = [[]]
        var lastComplete = false
        pieces: while !rest.isEmpty {
            var alternatives: [String] = []
            var cut = false  // an alternative stopped at a special character: its word is a prefix
            if rest.hasPrefix("(?:") {
                var index = rest.index(rest.startIndex, offsetBy: 3)
                var current = ""
                var skipping = false
                var depth = 0
                var closed = false
                while index < rest.endIndex {
                    let character = rest[index]
                    if character == "\\" {
                        skipping = true
                        index = rest.index(after: index)
                    } else if character == "(" {
                        skipping = true
                        depth += 1
                    } else if character == ")" {
                        if depth == 0 { closed = true; break }
                        depth -= 1
                    } else if character == "|" && depth == 0 {
                        alternatives.append(current)
                        current = ""
                        skipping = false
                    } else if special.contains(character) {
                        skipping = true
                    } else if !skipping {
                        current.append(character)
                    }
                    if skipping { cut = true }
                    if index < rest.endIndex { index = rest.index(after: index) }
                }
                guard closed, !current.isEmpty, !alternatives.contains(where: \.isEmpty) else { break pieces }
                alternatives.append(current)
                rest = rest[rest.index(after: index)...]
                if let next = rest.first, quantifiers.contains(next) { break pieces }
            } else {
                var word = ""
                while let character = rest.first, !special.contains(character), character != " " {
                    word.append(character)
                    rest = rest.dropFirst()
                }
                if let next = rest.first, quantifiers.contains(next) { word = String(word.dropLast()) }
                guard !word.isEmpty else { break pieces }
                alternatives = [word]
            }
            let complete = !cut && (rest.first == " " || rest.hasPrefix("\\b"))
            var extended: [[String]] = []
            for phrase in phrases {
                for alternative in alternatives {
                    extended.append(phrase + alternative.lowercased().split(separator: " ").map(String.init))
                }
            }
            guard extended.count <= 64 else { break pieces }
            phrases = extended
            lastComplete = complete
            guard complete, rest.first == " " else { break pieces }
            rest = rest.dropFirst()
        }
        guard phrases.allSatisfy({ !$0.isEmpty }) else { return nil }
        return phrases.map { words in
            words.enumerated().map { index, word in
                PhraseWord(bytes: Array(word.utf8), isPrefix: index == words.count - 1 && !lastComplete)
            }
        }
    }

    /// The anchors as text (nil when the regex runs on every message).
    public var anchorWords: [String]? { anchors?.map { $0.map(\.text).joined(separator: " ") } }

    /// A matcher of its own for one task. Cost: one ICU clone (no recompilation).
    func makeMatcher() -> RegexMatcher {
        compiled.withLock { regex in
            var error: Int32 = 0
            let clone = parley_regex_clone(regex, &error)
            return RegexMatcher(regex: clone)
        }
    }

    static func errorName(_ code: Int32) -> String {
        switch code {
        case 0x10300: "U_REGEX_INTERNAL_ERROR"
        case 0x10301: "U_REGEX_RULE_SYNTAX (syntax error)"
        case 0x10302: "U_REGEX_INVALID_STATE"
        case 0x10303: "U_REGEX_BAD_ESCAPE_SEQUENCE"
        case 0x10304: "U_REGEX_PROPERTY_SYNTAX"
        case 0x10305: "U_REGEX_UNIMPLEMENTED"
        case 0x10306: "U_REGEX_MISMATCHED_PAREN (unbalanced parentheses)"
        case 0x10307: "U_REGEX_NUMBER_TOO_BIG"
        case 0x10308: "U_REGEX_BAD_INTERVAL"
        case 0x10309: "U_REGEX_MAX_LT_MIN"
        case 0x1030A: "U_REGEX_INVALID_BACK_REF"
        case 0x1030B: "U_REGEX_INVALID_FLAG"
        case 0x1030C: "U_REGEX_LOOK_BEHIND_LIMIT"
        case 0x1030D: "U_REGEX_SET_CONTAINS_STRING"
        case 0x1030F: "U_REGEX_MISSING_CLOSE_BRACKET (unclosed [)"
        case 0x10310: "U_REGEX_INVALID_RANGE"
        default: "code \(code)"
        }
    }
}

/// One task's matcher for a ``LexiconRegex``. Not Sendable.
final class RegexMatcher {
    private let regex: OpaquePointer?
    private var starts = [Int32](repeating: 0, count: 16)
    private var ends = [Int32](repeating: 0, count: 16)

    init(regex: OpaquePointer?) { self.regex = regex }

    deinit { parley_regex_close(regex) }

    /// Calls `body` with each match's byte range in `text`.
    /// - Complexity: ICU's backtracking matcher; no allocation unless a text has more than 16 matches.
    func forEachMatch(in text: [UInt8], _ body: (Range<Int>) -> Void) {
        guard let regex, !text.isEmpty else { return }
        var error: Int32 = 0
        var count: Int32 = 0
        while true {
            count = text.withUnsafeBufferPointer { bytes in
                starts.withUnsafeMutableBufferPointer { s in
                    ends.withUnsafeMutableBufferPointer { e in
                        parley_regex_find_all(regex, bytes.baseAddress, Int32(bytes.count), s.baseAddress, e.baseAddress, Int32(s.count), &error)
                    }
                }
            }
            if Int(count) <= starts.count || error > 0 { break }
            starts = [Int32](repeating: 0, count: Int(count))
            ends = starts
        }
        guard error <= 0 else { return }
        for index in 0..<min(Int(count), starts.count) where ends[index] > starts[index] {
            body(Int(starts[index])..<Int(ends[index]))
        }
    }
}
