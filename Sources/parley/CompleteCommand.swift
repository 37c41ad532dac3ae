import ArgumentParser
import ParleyText
import ParleyVocabulary

/// `parley complete "prefix"`: trade vocabulary suggestions (genres, technical terms, gear, venues).
struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Suggest trade vocabulary (genres, technical terms, equipment, venues) for a prefix.",
        discussion: """
            Folds the prefix like messages (case, accents, hyphens and spaces ignored), tolerates one \
            typo from four characters on, and prints up to --limit suggestions, best first, as \
            'text<TAB>kind' lines or, with --json, one JSON object. Without a prefix argument, reads \
            one prefix per line on standard input. With --lint, checks the vocabulary files instead.
            """
    )

    @Argument(help: "What the user has typed so far.")
    var prefix: String?

    @Option(name: .long, help: "Vocabulary language: fr or en.")
    var lang = "fr"

    @Option(name: .long, help: "Most suggestions to print (1 to \(Vocabulary.maximumLimit)).")
    var limit = Vocabulary.maximumLimit

    @Option(name: .long, help: "A term the user used recently (repeat, most recent first); ranks it higher.")
    var recent: [String] = []

    @Flag(name: .long, help: "Print JSON (one object per prefix).")
    var json = false

    @Flag(name: .long, help: "Check every language's vocabulary files and print their diagnostics.")
    var lint = false

    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS, or the nearest Lexicons/ above the working directory or the executable).")
    var lexicons: String?

    func validate() throws {
        guard (1...Vocabulary.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be from 1 to \(Vocabulary.maximumLimit)")
        }
    }

    func run() throws {
        let directory = try MessageInputOptions.lexiconsDirectory(lexicons)
        let resources = try MessageInputOptions.textResources(in: directory)
        if lint { return try runLint(directory: directory, resources: resources) }

        let vocabulary: Vocabulary
        do {
            vocabulary = try Vocabulary.load(directory: directory + "/vocabulary", language: lang, resources: resources)
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        let usage = vocabulary.recentUsage(recent)
        var results: [Completion] = []
        func answer(_ prefix: String) {
            vocabulary.complete(prefix, limit: limit, recent: usage, into: &results)
            if json {
                JSONLine.write(CompletionResponse(query: prefix, lang: lang, suggestions: results))
            } else {
                for result in results { print("\(result.text)\t\(result.kind.rawValue)") }
            }
        }
        if let prefix {
            answer(prefix)
            return
        }
        var reader = LineReader()
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            guard let text = String(validating: line, as: UTF8.self) else {
                StandardError.write("stdin:\(lineNumber): error: invalid UTF-8")
                throw ExitCode(1)
            }
            answer(text)
        }
    }

    private func runLint(directory: String, resources: TextResources) throws {
        var failed = false
        for language in ["fr", "en"] {
            do {
                let vocabulary = try Vocabulary.load(directory: directory + "/vocabulary", language: language, resources: resources)
                for warning in vocabulary.warnings { StandardError.write(warning.description) }
                print("\(language): \(vocabulary.entries.count) entries")
            } catch {
                StandardError.write(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
