import ArgumentParser
import ParleyText
import ParleyVocabulary

/// `parley analyze-search`: one message per line → the terms a search index stores, as JSON Lines
/// shaped like Elasticsearch's `_analyze` output.
struct AnalyzeSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze-search",
        abstract: "Analyze messages for full-text search: fold, drop stop words, stem, keep typed terms.",
        discussion: """
            Reads one message per line on standard input (or, with --json, one JSON object per line \
            with a "text" field) and writes one line per message: {"tokens":[{"token", "start_offset", \
            "end_offset", "type", "position"}]} like Elasticsearch's _analyze (UTF-16 offsets). \
            Alternatives (other stems, a date's parts) share their word's position.
            """
    )

    @OptionGroup var input: MessageInputOptions

    @Option(name: .long, help: "Languages to stem and drop stop words for, first one first: fr, en or fr,en.")
    var lang = "fr,en"

    @Option(name: .long, help: "document (to index), query (what a user searches) or prefix (no stemming).")
    var mode = "document"

    func run() throws {
        var languages: [SearchLanguage] = []
        for code in lang.split(separator: ",") {
            guard let language = SearchLanguage(code: String(code)) else {
                throw ValidationError("unsupported --lang '\(code)': expected fr, en or fr,en")
            }
            languages.append(language)
        }
        guard let mode = SearchMode(rawValue: mode) else {
            throw ValidationError("unknown --mode '\(mode)': expected document, query or prefix")
        }
        let directory = try input.lexiconsDirectory()
        let segmenter = try input.makeSegmenter()
        let analyzer: SearchAnalyzer
        let textResources = try MessageInputOptions.textResources(in: directory)
        do {
            let resources = try SearchResources.load(lexiconsDirectory: directory, textResources: textResources, languages: languages)
            analyzer = try SearchAnalyzer(resources: resources, languages: languages,
                                          limits: TextLimits(maximumBytes: input.maxBytes))
        } catch {
            StandardError.write("\(error)")
            throw ExitCode(2)
        }
        try input.forEachMessage(segmenter) { message in
            JSONLine.write(AnalyzeResponse(terms: analyzer.analyze(message, mode: mode)))
        }
    }
}
