import ArgumentParser
import ParleyText
import ParleyTranslation

/// `parley glossary`: check the translation glossary and memory, and see what they match.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check and query the translation glossary (TBX) and memory (TMX).",
        subcommands: [Lint.self, Lookup.self]
    )

    /// `parley glossary lint [paths…]`: every problem as `file:line:col: severity: message`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check TBX glossaries and TMX memories: XML errors, missing terms or languages, duplicates.",
            discussion: """
                Each path is a .tbx or .tmx file, or a folder whose .tbx and .tmx files (then those of its
                local/ subfolder) are checked together as they load. Without paths, checks the Lexicons
                folder's glossary/ and memory/. Exits 1 when there is any error or, with --strict, any warning.
                """
        )

        @Argument(help: "Files or folders (default: Lexicons/glossary and Lexicons/memory).")
        var paths: [String] = []

        @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS, or the nearest Lexicons/ above the working directory or the executable).")
        var lexicons: String?

        @Flag(name: .long, help: "Fail on warnings too.")
        var strict = false

        func run() throws {
            let directory = try MessageInputOptions.lexiconsDirectory(lexicons)
            let resources = try MessageInputOptions.textResources(in: directory)
            let targets = paths.isEmpty ? [directory + "/glossary", directory + "/memory"] : paths
            let diagnostics = GlossaryLinter.lint(paths: targets, textResources: resources)
            for diagnostic in diagnostics { print(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            StandardError.write("\(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
        }
    }

    /// `parley glossary lookup --from fr --to en`: the glossary terms (and memory hit) of each line.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the glossary terms found in each line of stdin, and the translation memory's best hit.",
            discussion: """
                Prints one JSON object per input line: {"text", "matches": [{"termID", "source", "target",
                "doNotTranslate", "tokens": [start, end], "utf8": [start, end], "utf16": [start, end]}],
                "memory": {"target", "score", "sourceSegment"}} ("memory" only when a stored segment scores
                --min-score or more).
                """
        )

        @Option(name: .long, help: "The language of the input: fr or en.")
        var from: String

        @Option(name: .long, help: "The language to translate into: fr or en.")
        var to: String

        @Option(name: .long, help: "The glossary folder (default: Lexicons/glossary).")
        var glossary: String?

        @Option(name: .long, help: "The translation memory folder (default: Lexicons/memory).")
        var memory: String?

        @Option(name: .long, help: "Lowest fuzzy memory score to print, in [0, 1].")
        var minScore: Double = TranslationMemory.defaultMinimumScore

        @OptionGroup var input: MessageInputOptions

        func validate() throws {
            let source = try Self.language(from, option: "--from")
            let target = try Self.language(to, option: "--to")
            if source == target { throw ValidationError("--from and --to are both '\(source)': give two different languages") }
            if !(minScore >= 0 && minScore <= 1) { throw ValidationError("--min-score must be in [0, 1], got \(minScore)") }
        }

        static func language(_ code: String, option: String) throws -> TranslationLanguage {
            guard let language = TranslationLanguage(code: code) else {
                throw ValidationError("unsupported language '\(code)' for \(option): use fr or en")
            }
            return language
        }

        func run() throws {
            let source = try Self.language(from, option: "--from")
            let target = try Self.language(to, option: "--to")
            let directory = try input.lexiconsDirectory()
            let resources = try MessageInputOptions.textResources(in: directory)
            let terms: Glossary
            let phrases: TranslationMemory
            do {
                terms = try Glossary.load(directory: glossary ?? directory + "/glossary", textResources: resources)
                phrases = try TranslationMemory.load(directory: memory ?? directory + "/memory", textResources: resources)
            } catch {
                StandardError.write(error.description)
                throw ExitCode(2)
            }
            let segmenter = try Segmenter(resources: resources, limits: TextLimits(maximumBytes: input.maxBytes))
            try input.forEachMessage(segmenter) { message in
                let matches = terms.matches(in: message, from: source, to: target).map { match in
                    LookupLine.Match(
                        termID: match.termID, source: match.source, target: match.target, doNotTranslate: match.doNotTranslate,
                        tokens: [match.tokens.lowerBound, match.tokens.upperBound], utf8: [match.span.utf8.lowerBound, match.span.utf8.upperBound],
                        utf16: [match.span.utf16.lowerBound, match.span.utf16.upperBound])
                }
                let hit = phrases.lookup(message, from: source, to: target, minimumScore: minScore).map {
                    LookupLine.Memory(target: $0.target, score: $0.score, sourceSegment: $0.sourceSegment)
                }
                JSONLine.write(LookupLine(text: message.text, matches: matches, memory: hit))
            }
        }
    }

    /// One output line of `parley glossary lookup`.
    struct LookupLine: Encodable {
        struct Match: Encodable {
            var termID: String
            var source: String
            var target: String
            var doNotTranslate: Bool
            var tokens: [Int]
            var utf8: [Int]
            var utf16: [Int]
        }

        struct Memory: Encodable {
            var target: String
            var score: Double
            var sourceSegment: String
        }

        var text: String
        var matches: [Match]
        var memory: Memory?
    }
}
