import ParleyModeration
import ParleyText

/// The intent cues of both languages (`Lexicons/replies/<lang>/intents.cues`) compiled into one
/// automaton over folded units: chat mixes French and English, so every message is read with both.
///
/// File format: `@intent NAME` starts a section; each line below is a word or phrase, folded like
/// messages (`cachet`, `quel est votre tarif`, `dispo*` for words starting with `dispo`), optionally
/// followed by a weight (default 1): `combien demandez-vous 3`.
public struct IntentCues: Sendable {
    public struct Entry: Sendable, Hashable {
        public var intent: ReplyIntent
        public var weight: Double
        public var language: ReplyLanguage
        /// `file:line` of the cue.
        public var source: String
        /// The cue as written.
        public var text: String
        /// Position of ``intent`` in ``ReplyIntent/allCases``.
        let intentIndex: Int
    }

    public let entries: [Entry]
    let automaton: PhraseAutomaton

    /// Parses and compiles the cue files; problems are appended with file:line:col.
    /// - Complexity: O(total length of the files); a few microseconds per cue.
    static func load(
        _ files: [(path: String, text: String, language: ReplyLanguage)], fold: (String) -> String,
        diagnostics: inout [Diagnostic]
    ) -> IntentCues {
        var entries: [Entry] = []
        var phrases: [(words: [PhraseWord], entry: Int32)] = []
        for file in files {
            var intent: ReplyIntent?
            var seen: Set<[PhraseWord]> = []
            var counts: [ReplyIntent: Int] = [:]
            for line in TableFile.parse(file.text, path: file.path).lines {
                func fail(_ column: Int, _ message: String, _ severity: Diagnostic.Severity = .error) {
                    diagnostics.append(Diagnostic(file: file.path, line: line.number, column: column, severity: severity, message: message))
                }
                var texts = line.texts
                if texts[0] == "@intent" {
                    guard texts.count == 2, let named = ReplyIntent(rawValue: texts[1]), named != .other else {
                        let known = ReplyIntent.cued.map(\.rawValue).joined(separator: ", ")
                        fail(line.columns[min(1, texts.count - 1)], "expected '@intent NAME' with NAME one of: \(known)")
                        intent = nil
                        continue
                    }
                    intent = named
                    seen = []
                    continue
                }
                guard let intent else {
                    fail(line.columns[0], "cue before any '@intent NAME' line")
                    continue
                }
                var weight = 1.0
                if texts.count > 1, let number = Double(texts[texts.count - 1]) {
                    guard number > 0, number <= 10 else {
                        fail(line.columns[texts.count - 1], "weight \(texts[texts.count - 1]) is out of range (0 < weight ≤ 10)")
                        continue
                    }
                    weight = number
                    texts.removeLast()
                }
                var words: [PhraseWord] = []
                var bad = false
                for (index, raw) in texts.enumerated() {
                    let isPrefix = raw.hasSuffix("*") && raw.count > 1
                    let core = isPrefix ? String(raw.dropLast()) : raw
                    let folded = fold(core)
                    if folded.isEmpty || core.contains("*") {
                        fail(line.columns[index], "'\(raw)' folds to no word (a wildcard only goes at the end of a word)")
                        bad = true
                        break
                    }
                    let parts = folded.split(separator: " ")
                    for (partIndex, part) in parts.enumerated() {
                        words.append(PhraseWord(bytes: Array(part.utf8), isPrefix: isPrefix && partIndex == parts.count - 1))
                    }
                    if isPrefix, let last = words.last, last.bytes.count < 3 {
                        fail(line.columns[index], "'\(raw)': a wildcard word needs at least 3 letters")
                        bad = true
                        break
                    }
                }
                if bad { continue }
                if !seen.insert(words).inserted {
                    fail(line.columns[0], "duplicate cue for @intent \(intent.rawValue)", .warning)
                    continue
                }
                counts[intent, default: 0] += 1
                phrases.append((words, Int32(entries.count)))
                entries.append(Entry(
                    intent: intent, weight: weight, language: file.language, source: "\(file.path):\(line.number)",
                    text: texts.joined(separator: " "), intentIndex: intent.index))
            }
            for intent in ReplyIntent.cued where counts[intent] == nil {
                diagnostics.append(Diagnostic(
                    file: file.path, severity: .warning, message: "no cue for @intent \(intent.rawValue): messages of that kind will read as 'other'"))
            }
        }
        return IntentCues(entries: entries, automaton: PhraseAutomaton(phrases: phrases))
    }
}
