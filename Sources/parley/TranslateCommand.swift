import ArgumentParser
import ParleyText
import ParleyTranslation

/// `parley translate --from fr --to en`: one sentence per line in, one translation per line out.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate each line of stdin between French and English.",
        discussion: """
            Reads one message per line and prints one translation per line, in order. With --json, prints \
            one object per line: {"text", "translation", "confidence", "features", "unknownWords", \
            "glossaryHits": [{"term", "source", "target", "targetSpan"}], "alignments": [{"source", "target"}], \
            "memoryScore"}, spans as {"utf8": [start, end], "utf16": [start, end]}. The glossary \
            (Lexicons/glossary) and the translation memory (Lexicons/memory) are used unless turned off. \
            An unsupported pair, a missing model or a bad glossary exits with status 2.
            """
    )

    @Option(name: .long, help: "Source language: fr or en.")
    var from: String

    @Option(name: .long, help: "Target language: en or fr.")
    var to: String

    @Flag(name: .long, help: "Print confidence, glossary hits and alignment spans as JSON, one object per line.")
    var json = false

    @Flag(name: .long, help: "Print the units the model reads instead of translating (tokenizer check).")
    var units = false

    @Option(name: .long, help: "The translation models folder (default: Models/translation under $PARLEY_MODELS or the nearest Models/).")
    var models: String?

    @Option(name: .long, parsing: .singleValue, help: "Override a decoder parameter, e.g. --set weight.lm=0.8 (repeatable; used by tuning).")
    var set: [String] = []

    @Flag(name: .long, help: "Do not force the glossary's terms (Lexicons/glossary).")
    var noGlossary = false

    @Flag(name: .long, help: "Do not reuse the translation memory's stored translations (Lexicons/memory).")
    var noMemory = false

    @Option(name: .long, help: "Lowest translation-memory score reused, in (0, 1] (default 0.75; 1 = exact matches only).")
    var memoryScore: Double?

    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS, or the nearest Lexicons/ above the working directory or the executable).")
    var lexicons: String?

    @Option(name: .long, help: "Largest accepted message in UTF-8 bytes.")
    var maxBytes: Int = TextLimits().maximumBytes

    func validate() throws {
        if let memoryScore, !(memoryScore > 0 && memoryScore <= 1) { throw ValidationError("--memory-score must be in (0, 1], got \(memoryScore)") }
    }

    func run() throws {
        let translator: Translator
        let source: TranslationLanguage, target: TranslationLanguage
        do throws(TranslationError) {
            (source, target) = try Translator.pair(from: from, to: to)
            var model: TranslationModel
            if let models {
                model = try TranslationModel(directory: models, from: source, to: target)
            } else {
                model = try TranslationModel.bundled(from: source, to: target)
            }
            try model.parameters.set(set)
            translator = Translator(models: [model])
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        let lexiconsDirectory = try MessageInputOptions.lexiconsDirectory(lexicons)
        let resources = try MessageInputOptions.textResources(in: lexiconsDirectory)
        let segmenter = try Segmenter(resources: resources, limits: TextLimits(maximumBytes: maxBytes))
        do throws(DiagnosticList) {
            if !noGlossary { translator.glossary = try Glossary.load(directory: lexiconsDirectory + "/glossary", textResources: resources) }
            if !noMemory { translator.memory = try TranslationMemory.load(directory: lexiconsDirectory + "/memory", textResources: resources) }
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        if let memoryScore { translator.memoryMinimumScore = memoryScore }
        try LineMessages.forEach(segmenter, badLine: { print("") }) { message in
            if units {
                print(translator.units(of: message).joined(separator: " "))
                return
            }
            let translation = try translator.translate(message, from: source, to: target)
            if json {
                JSONLine.write(TranslationJSON(message: message, translation: translation))
            } else {
                print(translation.text)
            }
        }
    }
}

/// The `--json` shape of one translation.
struct TranslationJSON: Encodable {
    struct Hit: Encodable {
        var term: String
        var source: TextJSON.Span
        var target: String
        var targetSpan: TextJSON.Span
    }

    struct Link: Encodable {
        var source: TextJSON.Span
        var target: TextJSON.Span
    }

    struct Features: Encodable {
        var scorePerUnit: Double
        var unknownRatio: Double
        var glossaryRatio: Double
        var lengthRatio: Double
    }

    var text: String
    var translation: String
    var confidence: Double
    var features: Features
    var unknownWords: [String]
    var glossaryHits: [Hit]
    var alignments: [Link]
    var memoryScore: Double?

    init(message: Message, translation: Translation) {
        text = message.text
        self.translation = translation.text
        confidence = (translation.confidence * 10_000).rounded() / 10_000
        let f = translation.features
        features = Features(scorePerUnit: f.scorePerUnit, unknownRatio: f.unknownRatio, glossaryRatio: f.glossaryRatio, lengthRatio: f.lengthRatio)
        unknownWords = translation.unknownWords
        glossaryHits = translation.glossaryHits.map {
            Hit(term: $0.termID, source: TextJSON.Span($0.source), target: $0.target, targetSpan: TextJSON.Span($0.targetSpan))
        }
        alignments = translation.alignments.map { Link(source: TextJSON.Span($0.source), target: TextJSON.Span($0.target)) }
        memoryScore = translation.memoryScore
    }
}
