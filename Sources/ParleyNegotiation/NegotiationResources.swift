#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import ParleyText
import ParleyTone

/// Everything the negotiation assistant reads from disk, compiled once into one immutable,
/// `Sendable` snapshot: the cue phrases, topics, texts and settings of `Lexicons/negotiation/`, the
/// language hints of `Lexicons/tone/language-hints.map`, and the market model of a deals file.
///
/// A failed load or ``reloaded()`` throws every problem with file:line:column; the caller keeps its
/// old snapshot serving.
public final class NegotiationResources: Sendable {
    let cues: CueBook
    let texts: NegotiationTexts
    public let settings: NegotiationSettings
    let market: MarketModel
    /// Topics that get "don't forget" reminders, and those that get legal reminders.
    let requiredTopics: [Topic]
    let legalTopics: [Topic]
    /// Where this snapshot came from, for ``reloaded()``.
    public let lexiconsDirectory: String
    public let dealsPath: String
    /// Every file read.
    public let files: [String]
    /// How many deals the market model was built from.
    public var dealCount: Int { market.dealCount }
    /// The contextual factors measured from the deals file (all of them, whatever the context).
    public var measuredFactors: [MarketFactor] { market.factors }
    private let textResources: TextResources

    init(
        cues: CueBook, texts: NegotiationTexts, settings: NegotiationSettings, market: MarketModel, requiredTopics: [Topic],
        legalTopics: [Topic], lexiconsDirectory: String, dealsPath: String, files: [String], textResources: TextResources
    ) {
        self.cues = cues
        self.texts = texts
        self.settings = settings
        self.market = market
        self.requiredTopics = requiredTopics
        self.legalTopics = legalTopics
        self.lexiconsDirectory = lexiconsDirectory
        self.dealsPath = dealsPath
        self.files = files
        self.textResources = textResources
    }

    /// The sample deals file shipped with Parley (synthetic: see its header), under a `Models/` folder.
    public static func sampleDealsPath(modelsDirectory: String) -> String {
        modelsDirectory + "/negotiation/sample-deals.csv"
    }

    /// Loads `negotiation/*.map` under `lexiconsDirectory` and the deals file at `dealsPath`.
    ///
    /// Cue phrases are folded with a segmenter over `textResources`, exactly as messages are.
    /// - Complexity: about a thousand lexicon lines and the deals file (4 000 rows: a few tens of
    ///   milliseconds). Call at start-up or on reload, never per message.
    /// - Throws: ``DiagnosticList`` with every error (file:line:column).
    public static func load(
        lexiconsDirectory: String, dealsPath: String, textResources: TextResources
    ) throws(DiagnosticList) -> NegotiationResources {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: textResources, limits: TextLimits())
        } catch {
            throw DiagnosticList([Diagnostic(file: lexiconsDirectory, message: "cannot open a segmenter to fold entries: \(error)")])
        }
        let folder = lexiconsDirectory + "/negotiation"
        func table(_ path: String) -> TableFile? {
            guard let file = TableFile.read(path, recordingErrorsIn: &diagnostics) else { return nil }
            files.append(path)
            return file
        }
        var cues = CueBook()
        func addPhrase(_ words: ArraySlice<String>, cue: Cue, language: ToneLanguage, path: String, line: TableFile.Line) {
            let folded = segmenter.fold(words.joined(separator: " "))
            if !cues.add(folded: folded, cue: cue, language: language) {
                diagnostics.append(
                    Diagnostic(file: path, line: line.number, column: line.columns[2], message: "the phrase folds to nothing"))
            }
        }

        let proposalsPath = folder + "/proposals.map"
        if let file = table(proposalsPath) {
            let kinds: [String: ProposalKind] = [
                "offer": .offer, "counter": .counterOffer, "accept": .acceptance, "refuse": .refusal,
                "withdraw": .withdrawal, "question": .question,
            ]
            for line in file.lines {
                guard line.texts.count >= 3, let language = ToneLanguage(rawValue: line.texts[0]) else {
                    diagnostics.append(lineError(proposalsPath, line, "expected '<fr|en> <offer|counter|accept|refuse|withdraw|question> <phrase…>'"))
                    continue
                }
                guard let kind = kinds[line.texts[1]] else {
                    diagnostics.append(lineError(proposalsPath, line, "unknown proposal kind '\(line.texts[1])'", field: 1))
                    continue
                }
                addPhrase(line.texts[2...], cue: .proposal(kind), language: language, path: proposalsPath, line: line)
            }
        }

        let pricesPath = folder + "/prices.map"
        if let file = table(pricesPath) {
            for line in file.lines {
                guard line.texts.count >= 3, let language = ToneLanguage(rawValue: line.texts[0]) else {
                    diagnostics.append(lineError(pricesPath, line, "expected '<fr|en> <role> <phrase…>'"))
                    continue
                }
                guard let cue = priceCue(line.texts[1]) else {
                    diagnostics.append(lineError(pricesPath, line, "unknown price role '\(line.texts[1])'", field: 1))
                    continue
                }
                addPhrase(line.texts[2...], cue: cue, language: language, path: pricesPath, line: line)
            }
        }

        var required: [Topic] = []
        var legal: [Topic] = []
        let topicsPath = folder + "/topics.map"
        if let file = table(topicsPath) {
            var declared: Set<Topic> = []
            for line in file.lines {
                if line.texts[0] == "topic" {
                    guard line.texts.count >= 3, let topic = Topic(rawValue: line.texts[1]),
                        ["required", "optional"].contains(line.texts[2]),
                        line.texts.count == 3 || (line.texts.count == 4 && line.texts[3] == "legal")
                    else {
                        diagnostics.append(lineError(topicsPath, line, "expected 'topic <id> <required|optional> [legal]' with a known topic id"))
                        continue
                    }
                    declared.insert(topic)
                    if line.texts[2] == "required" { required.append(topic) }
                    if line.texts.count == 4 { legal.append(topic) }
                    continue
                }
                guard line.texts.count >= 4, let language = ToneLanguage(rawValue: line.texts[0]) else {
                    diagnostics.append(lineError(topicsPath, line, "expected '<fr|en> <topic> <mention|settle> <phrase…>'"))
                    continue
                }
                guard let topic = Topic(rawValue: line.texts[1]), declared.contains(topic) else {
                    diagnostics.append(lineError(topicsPath, line, "unknown or undeclared topic '\(line.texts[1])'", field: 1))
                    continue
                }
                guard line.texts[2] == "mention" || line.texts[2] == "settle" else {
                    diagnostics.append(lineError(topicsPath, line, "expected 'mention' or 'settle'", field: 2))
                    continue
                }
                addPhrase(line.texts[3...], cue: .topic(topic, settles: line.texts[2] == "settle"), language: language, path: topicsPath, line: line)
            }
            for topic in Topic.allCases where !declared.contains(topic) {
                diagnostics.append(Diagnostic(file: topicsPath, message: "topic '\(topic.rawValue)' is not declared"))
            }
        }

        // Numbers written as words, shared with the segmenter's spelled-phone reading.
        let numbersPath = lexiconsDirectory + "/text/number-words.map"
        if let file = table(numbersPath) {
            for line in file.lines {
                guard line.texts.count == 3, let language = ToneLanguage(rawValue: line.texts[0]), let value = Int(line.texts[2]) else {
                    diagnostics.append(lineError(numbersPath, line, "expected '<fr|en> <word> <value>'"))
                    continue
                }
                addPhrase(line.texts[1...1], cue: .numberWord(value), language: language, path: numbersPath, line: line)
            }
        }

        let hintsPath = lexiconsDirectory + "/tone/language-hints.map"
        if let file = table(hintsPath) {
            for line in file.lines {
                guard line.texts.count == 2, let language = ToneLanguage(rawValue: line.texts[0]) else {
                    diagnostics.append(lineError(hintsPath, line, "expected '<fr|en> <word>'"))
                    continue
                }
                addPhrase(line.texts[1...], cue: .languageHint, language: language, path: hintsPath, line: line)
            }
        }

        var texts = NegotiationTexts()
        if let file = table(folder + "/texts.map") { texts = NegotiationTexts.parse(file, diagnostics: &diagnostics) }
        var settings = NegotiationSettings()
        if let file = table(folder + "/settings.map") { settings = NegotiationSettings.parse(file, diagnostics: &diagnostics) }
        var familyOfGenre: [String: String] = [:]
        let genresPath = folder + "/genres.map"
        if let file = table(genresPath) {
            for line in file.lines {
                guard line.texts.count >= 2 else {
                    diagnostics.append(lineError(genresPath, line, "expected '<family> <genre…>'", field: 0))
                    continue
                }
                for (offset, genre) in line.texts.enumerated().dropFirst() {
                    if let family = familyOfGenre[genre] {
                        diagnostics.append(
                            Diagnostic(file: genresPath, line: line.number, column: line.columns[offset],
                                       message: "genre '\(genre)' is already in family '\(family)'"))
                    }
                    familyOfGenre[genre] = line.texts[0]
                }
            }
        }

        var deals: [Deal] = []
        do {
            deals = try DealsFile.read(dealsPath)
            files.append(dealsPath)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        if deals.isEmpty && !diagnostics.contains(where: { $0.file == dealsPath }) {
            diagnostics.append(Diagnostic(file: dealsPath, message: "the deals file has no deal"))
        }
        for topic in legal {
            for language in ToneLanguage.allCases where texts.text(.legal, topic, language).isEmpty {
                diagnostics.append(
                    Diagnostic(file: folder + "/texts.map", message: "missing text 'legal.\(topic.rawValue)' in \(language.rawValue) (the topic is legal in topics.map)"))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        let market = MarketModel(deals: deals, familyOfGenre: familyOfGenre, settings: settings)
        return NegotiationResources(
            cues: cues, texts: texts, settings: settings, market: market, requiredTopics: required, legalTopics: legal,
            lexiconsDirectory: lexiconsDirectory, dealsPath: dealsPath, files: files, textResources: textResources)
    }

    /// Loads from the `Lexicons/` folder ``ResourceLocator`` finds, with the deals file at
    /// `PARLEY_DEALS`, else the shipped sample under `Models/`.
    /// - Complexity: as ``load(lexiconsDirectory:dealsPath:textResources:)``.
    public static func loadDefault(textResources: TextResources) throws(DiagnosticList) -> NegotiationResources {
        guard let lexicons = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(lexiconsDirectory: lexicons, dealsPath: try defaultDealsPath(), textResources: textResources)
    }

    /// `PARLEY_DEALS`, else the shipped sample deals file.
    public static func defaultDealsPath() throws(DiagnosticList) -> String {
        if let path = ProcessInfo.processInfo.environment["PARLEY_DEALS"], !path.isEmpty { return path }
        guard let models = ResourceLocator.modelsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Models", message: "cannot find the Models folder; set PARLEY_MODELS or PARLEY_DEALS")])
        }
        return sampleDealsPath(modelsDirectory: models)
    }

    /// A new snapshot from the same folder and deals file, read again (after an edit or a new export).
    /// - Throws: every problem with file:line:column; `self` is untouched and can keep serving.
    public func reloaded() throws(DiagnosticList) -> NegotiationResources {
        try Self.load(lexiconsDirectory: lexiconsDirectory, dealsPath: dealsPath, textResources: textResources)
    }

    private static func lineError(_ path: String, _ line: TableFile.Line, _ message: String, field: Int = 0) -> Diagnostic {
        Diagnostic(file: path, line: line.number, column: line.columns[min(field, line.columns.count - 1)], message: message)
    }

    private static func priceCue(_ role: String) -> Cue? {
        switch role {
        case "fee": return .fee
        case "range-start": return .rangeStart
        case "range-join": return .rangeJoin
        case "range-and": return .rangeAnd
        case "included": return .included
        case "on-top": return .onTop
        case "approx": return .approximate
        case "not-fee": return .notFee
        case "hundred": return .hundred
        case "thousand": return .thousand
        default:
            if role.hasPrefix("basis:"), let basis = PriceBasis(rawValue: String(role.dropFirst(6))), basis != .unspecified {
                return .basis(basis)
            }
            if role.hasPrefix("extra:"), let kind = ExtraCost.Kind(rawValue: String(role.dropFirst(6))) { return .extra(kind) }
            if role.hasPrefix("currency:"), role.count == 12 { return .currencyWord(String(role.dropFirst(9))) }
            return nil
        }
    }
}
