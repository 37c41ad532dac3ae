import ArgumentParser
import ParleyLanguage
import ParleyText

/// `parley langid`: one text per line on stdin, one language code per line on stdout.
struct LangidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "langid",
        abstract: "Identify the language of each line of stdin: fr, en, es, de, or und when unsure.",
        discussion: """
            Reads one message per line and prints one code per line, in order. With --json, prints one
            object per line: {"language", "hypotheses": [{"language", "probability"}], "spans":
            [{"language", "utf8": [start, end], "utf16": [start, end], "text"}]}.
            """
    )

    @Option(name: .long, help: "Comma-separated languages that may be answered, e.g. fr,en (default: fr,en,es,de).")
    var langs: String?

    @Option(name: .long, help: "Languages to favour, comma-separated, optionally weighted: 'fr' or 'fr=0.8,en=0.2'.")
    var hint: String?

    @Option(name: .long, help: "Probability the answer needs (default: the model's, 0.7).")
    var threshold: Double?

    @Option(name: .long, help: "Cost in nats of a language switch between two words when finding spans (default 6).")
    var switchPenalty: Float?

    @Option(name: .long, help: "Language model file (default: Models/langid/langid.bin).")
    var model: String?

    @Flag(name: .long, help: "Print hypotheses and spans as JSON, one object per line.")
    var json = false

    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS, or the nearest Lexicons/ above the working directory or the executable).")
    var lexicons: String?

    @Option(name: .long, help: "Largest accepted message in UTF-8 bytes.")
    var maxBytes: Int = TextLimits().maximumBytes

    /// Syntax and ranges, checked before anything loads (the model's languages are checked in `run`).
    func validate() throws {
        if let langs { _ = try parseLanguages(langs, option: "--langs", model: nil) }
        if let hint { _ = try parseLanguages(hint, option: "--hint", model: nil) }
        if let threshold, !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1], got \(threshold)") }
        if let switchPenalty, !(switchPenalty >= 0) { throw ValidationError("--switch-penalty must be ≥ 0, got \(switchPenalty)") }
    }

    func run() throws {
        let languageModel: LanguageModel
        do throws(LanguageModelError) {
            if let model {
                languageModel = try LanguageModel(contentsOf: model)
            } else {
                languageModel = try LanguageModel.bundled()
            }
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        var recognizer = LanguageRecognizer(model: languageModel)
        if let langs {
            recognizer.constraints = Set(try parseLanguages(langs, option: "--langs", model: languageModel).map(\.0))
        }
        if let hint {
            recognizer.hints = Dictionary(try parseLanguages(hint, option: "--hint", model: languageModel), uniquingKeysWith: +)
        }
        if let threshold { recognizer.threshold = threshold }
        if let switchPenalty { recognizer.switchPenalty = switchPenalty }
        let resources = try MessageInputOptions.textResources(in: try MessageInputOptions.lexiconsDirectory(lexicons))
        let segmenter = try Segmenter(resources: resources, limits: TextLimits(maximumBytes: maxBytes))
        // Keep one output line per input line: a bad line answers und.
        try LineMessages.forEach(segmenter, badLine: {
            if json { JSONLine.write(LangidOutput(language: "und", hypotheses: [], spans: [])) } else { print("und") }
        }) { message in
            let result = recognizer.recognize(message)
            if json {
                JSONLine.write(LangidOutput(
                    language: result.code,
                    hypotheses: result.hypotheses.map { .init(language: $0.language.rawValue, probability: ($0.probability * 10000).rounded() / 10000) },
                    spans: result.spans.map {
                        .init(language: $0.language.rawValue, utf8: [$0.span.utf8.lowerBound, $0.span.utf8.upperBound],
                              utf16: [$0.span.utf16.lowerBound, $0.span.utf16.upperBound], text: message.text(in: $0.span))
                    }
                ))
            } else {
                print(result.code)
            }
        }
    }

    /// Parses `fr,en` or `fr=0.8,en=0.2` into languages with weights (1 when omitted); with a model,
    /// every language must be one it answers.
    private func parseLanguages(_ text: String, option: String, model: LanguageModel?) throws -> [(Language, Double)] {
        var result: [(Language, Double)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            let language = Language(String(parts[0].filter { $0 != " " }).lowercased())
            guard !language.rawValue.isEmpty, language.rawValue.allSatisfy({ $0 >= "a" && $0 <= "z" }) else {
                throw ValidationError("\(option): '\(parts[0])' is not a language code (e.g. fr)")
            }
            if let model, !model.targets.contains(language) {
                let known = model.targets.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("\(option): unknown language '\(language)'; the model answers \(known)")
            }
            var weight = 1.0
            if parts.count == 2 {
                guard let value = Double(String(parts[1].filter { $0 != " " })), value >= 0 else {
                    throw ValidationError("\(option): bad weight '\(parts[1])' for \(language) (expected a number ≥ 0)")
                }
                weight = value
            }
            result.append((language, weight))
        }
        guard !result.isEmpty else { throw ValidationError("\(option): expected at least one language, e.g. fr,en") }
        return result
    }
}

/// The JSON line `parley langid --json` prints.
private struct LangidOutput: Encodable {
    struct Hypothesis: Encodable {
        var language: String
        var probability: Double
    }
    struct Span: Encodable {
        var language: String
        var utf8: [Int]
        var utf16: [Int]
        var text: String
    }
    var language: String
    var hypotheses: [Hypothesis]
    var spans: [Span]
}
