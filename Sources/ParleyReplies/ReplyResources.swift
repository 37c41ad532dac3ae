import ParleyModeration
import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Everything ParleyReplies reads from `Lexicons/`, compiled once into an immutable snapshot:
/// placeholders, genre styles and templates (`templates/`), intent cues, reply patterns and
/// ice-breakers (`replies/<lang>/`). Files in `Lexicons/local/` with the same relative path replace
/// the shipped ones; other `local/templates/<lang>/*.tpl` files are added.
///
/// Loading checks every text against Parley's own moderation (rendered with the placeholders'
/// sample values and with the placeholders left visible): a reply, ice-breaker or template that
/// moderation would not `allow`, or that carries a link, an e-mail or a phone number of its own, is
/// an error at its file:line — Parley never suggests what it would flag, nor contact details to take
/// the conversation off the platform.
public final class ReplyResources: Sendable {
    public let placeholders: PlaceholderCatalog
    public let cues: IntentCues
    /// Indexed by ``ReplyLanguage``'s order (`fr`, `en`).
    let replyPatterns: [ReplyPatterns]
    let iceBreakerPatterns: [IceBreakerPatterns]
    public let templates: TemplateCatalog
    /// The first-message limits of every tier, from moderation's policy.
    public let limits: [MessageTier: TierLimits]
    public let files: [String]
    /// Problems that do not stop loading (duplicate cues, templates missing a language variant).
    public let warnings: [Diagnostic]

    init(
        placeholders: PlaceholderCatalog, cues: IntentCues, replyPatterns: [ReplyPatterns], iceBreakerPatterns: [IceBreakerPatterns],
        templates: TemplateCatalog, limits: [MessageTier: TierLimits], files: [String], warnings: [Diagnostic]
    ) {
        self.placeholders = placeholders
        self.cues = cues
        self.replyPatterns = replyPatterns
        self.iceBreakerPatterns = iceBreakerPatterns
        self.templates = templates
        self.limits = limits
        self.files = files
        self.warnings = warnings
    }

    /// The reply patterns of a language. O(1).
    public func replies(_ language: ReplyLanguage) -> ReplyPatterns { replyPatterns[language == .fr ? 0 : 1] }

    /// The ice-breaker patterns of a language. O(1).
    public func iceBreakers(_ language: ReplyLanguage) -> IceBreakerPatterns { iceBreakerPatterns[language == .fr ? 0 : 1] }

    /// The first-message limits of a tier. O(1).
    public func limits(_ tier: MessageTier) -> TierLimits { limits[tier] ?? TierLimits(hook: nil, full: nil) }

    /// Loads and checks every replies and templates file under `directory` (the `Lexicons/` folder).
    /// - Parameter moderation: the moderation snapshot replies must pass, and whose policy gives the
    ///   tiers' first-message limits.
    /// - Complexity: reads a few hundred lines and moderates every text twice: tens of milliseconds.
    ///   Call at start-up or on reload.
    /// - Throws: ``DiagnosticList`` with every error found (file:line:column).
    public static func load(
        from directory: String, textResources: TextResources, moderation: ModerationResources
    ) throws(DiagnosticList) -> ReplyResources {
        let (resources, diagnostics) = build(from: directory, textResources: textResources, moderation: moderation)
        guard let resources else { throw DiagnosticList(diagnostics) }
        return resources
    }

    /// Loads what can be loaded and returns every diagnostic; the snapshot is nil when there is an error.
    static func build(
        from directory: String, textResources: TextResources, moderation: ModerationResources
    ) -> (ReplyResources?, [Diagnostic]) {
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: textResources, limits: TextLimits())
        } catch {
            return (nil, [Diagnostic(file: directory, message: "cannot open a segmenter: \(error)")])
        }
        var loader = FileLoader(directory: directory)
        var diagnostics: [Diagnostic] = []
        func read(_ relative: String) -> (path: String, text: String)? {
            loader.read(relative, diagnostics: &diagnostics)
        }
        let fold: (String) -> String = { segmenter.fold($0) }

        guard let placeholderFile = read("templates/placeholders.map") else { return (nil, diagnostics) }
        let (catalog, placeholderProblems) = PlaceholderCatalog.parse(placeholderFile.text, path: placeholderFile.path)
        diagnostics += placeholderProblems
        if placeholderProblems.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }

        let genres = read("templates/genres.map").map { GenreStyles.parse($0.text, path: $0.path, fold: fold, diagnostics: &diagnostics) }
            ?? GenreStyles.parse("", path: directory + "/templates/genres.map", fold: fold, diagnostics: &diagnostics)

        var cueFiles: [(path: String, text: String, language: ReplyLanguage)] = []
        var replyPatterns: [ReplyPatterns] = []
        var iceBreakers: [IceBreakerPatterns] = []
        var templates: [Template] = []
        for language in ReplyLanguage.allCases {
            let folder = "replies/\(language.rawValue)/"
            if let file = read(folder + "intents.cues") { cueFiles.append((file.path, file.text, language)) }
            let replies = read(folder + "replies.txt")
            replyPatterns.append(ReplyPatterns.parse(
                replies?.text ?? "", path: replies?.path ?? directory + "/" + folder + "replies.txt", language: language, catalog: catalog,
                segmenter: segmenter, diagnostics: &diagnostics))
            let breakers = read(folder + "icebreakers.txt")
            iceBreakers.append(IceBreakerPatterns.parse(
                breakers?.text ?? "", path: breakers?.path ?? directory + "/" + folder + "icebreakers.txt", language: language,
                catalog: catalog, diagnostics: &diagnostics))
            let templateFiles = loader.templateFiles(language)
            if templateFiles.isEmpty {
                diagnostics.append(Diagnostic(file: directory + "/templates/\(language.rawValue)", message: "no template file (*.tpl) for \(language.rawValue)"))
            }
            for relative in templateFiles {
                guard let file = read(relative) else { continue }
                let parsed = TemplateFile.parse(
                    file.text, path: file.path, language: language, catalog: catalog, genres: genres, diagnostics: &diagnostics)
                for template in parsed {
                    if let previous = templates.first(where: { $0.id == template.id && $0.language == language }) {
                        diagnostics.append(Diagnostic(
                            file: template.file, line: template.line, column: 5,
                            message: "template \(template.id) is already defined at \(previous.file):\(previous.line)"))
                        continue
                    }
                    templates.append(template)
                }
            }
        }
        let cues = IntentCues.load(cueFiles, fold: fold, diagnostics: &diagnostics)
        for template in templates {
            let other = template.language.other
            if !templates.contains(where: { $0.id == template.id && $0.language == other }) {
                diagnostics.append(Diagnostic(
                    file: template.file, line: template.line, column: 5, severity: .warning,
                    message: "template \(template.id) has no \(other.rawValue) variant"))
            }
        }

        var checker = ModerationCheck(moderation: moderation, segmenter: segmenter, catalog: catalog)
        for patterns in replyPatterns {
            for slots in patterns.slots {
                for slot in slots {
                    for (register, texts) in slot.texts.enumerated() {
                        for (index, text) in texts.enumerated() where register == 0 || !slot.texts[0].contains(text) {
                            checker.check(text, language: patterns.language, at: slot.sources[register][index], allowLinks: false, into: &diagnostics)
                        }
                    }
                }
            }
        }
        for patterns in iceBreakers {
            for pattern in patterns.patterns {
                for (register, texts) in pattern.texts.enumerated() {
                    for (index, text) in texts.enumerated() where register == 0 || !pattern.texts[0].contains(text) {
                        checker.check(text, language: patterns.language, at: pattern.sources[register][index], allowLinks: false, into: &diagnostics)
                    }
                }
            }
        }
        for template in templates {
            checker.check(template.body, language: template.language, at: "\(template.file):\(template.bodyLine)", allowLinks: true, into: &diagnostics)
        }

        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        var limits: [MessageTier: TierLimits] = [:]
        for tier in MessageTier.allCases { limits[tier] = TierLimits(tier, policy: moderation.rules.policy) }
        let resources = ReplyResources(
            placeholders: catalog, cues: cues, replyPatterns: replyPatterns, iceBreakerPatterns: iceBreakers,
            templates: TemplateCatalog(templates: templates, genres: genres), limits: limits, files: loader.files,
            warnings: diagnostics)
        return (resources, diagnostics)
    }

    /// Loads from the `Lexicons/` folder found by ``ResourceLocator`` (or `PARLEY_LEXICONS`).
    public static func loadDefault(textResources: TextResources, moderation: ModerationResources) throws(DiagnosticList) -> ReplyResources {
        guard let directory = ResourceLocator.lexiconsDirectory() else {
            throw DiagnosticList([Diagnostic(file: "Lexicons", message: "cannot find the Lexicons folder; set PARLEY_LEXICONS")])
        }
        return try load(from: directory, textResources: textResources, moderation: moderation)
    }
}

/// Reads the files of a Lexicons folder, preferring `local/<same path>`.
struct FileLoader {
    let directory: String
    var files: [String] = []

    init(directory: String) { self.directory = directory }

    mutating func read(_ relative: String, diagnostics: inout [Diagnostic]) -> (path: String, text: String)? {
        let local = directory + "/local/" + relative
        let path = FileManager.default.fileExists(atPath: local) ? local : directory + "/" + relative
        do {
            let text = try TableFile.readText(path)
            files.append(path)
            return (path, text)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// `templates/<lang>/*.tpl` of the shipped folder and of `local/`, relative, sorted.
    func templateFiles(_ language: ReplyLanguage) -> [String] {
        let folder = "templates/\(language.rawValue)"
        var names: Set<String> = []
        for base in [directory + "/" + folder, directory + "/local/" + folder] {
            let listed = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            for name in listed where name.hasSuffix(".tpl") { names.insert(folder + "/" + name) }
        }
        return names.sorted()
    }
}

/// Runs reply and template texts through moderation at load.
struct ModerationCheck {
    let moderator: Moderator
    let segmenter: Segmenter
    let catalog: PlaceholderCatalog
    let samples: [PlaceholderValues]
    var buffer: [UInt8] = []
    var unfilled: [Int32] = []

    init(moderation: ModerationResources, segmenter: Segmenter, catalog: PlaceholderCatalog) {
        moderator = Moderator(resources: moderation)
        self.segmenter = segmenter
        self.catalog = catalog
        samples = ReplyLanguage.allCases.map { PlaceholderValues.samples(catalog, language: $0) }
    }

    /// Moderates the text with sample values and with placeholders visible; appends an error at
    /// `source` (`file:line`) for each problem.
    mutating func check(_ text: CompiledText, language: ReplyLanguage, at source: String, allowLinks: Bool, into diagnostics: inout [Diagnostic]) {
        let colon = source.lastIndex(of: ":")!
        let file = String(source[..<colon])
        let line = Int(source[source.index(after: colon)...]) ?? 0
        let renderings = [samples[language == .fr ? 0 : 1], PlaceholderValues(catalog: catalog)]
        for (index, values) in renderings.enumerated() {
            buffer.removeAll(keepingCapacity: true)
            text.render(values: values, into: &buffer, unfilled: &unfilled)
            guard let message = try? segmenter.read(buffer) else {
                diagnostics.append(Diagnostic(file: file, line: line, column: 1, message: "text cannot be segmented"))
                return
            }
            // Links are checked on the text with placeholders visible: a template may carry the
            // sender's platform links through its placeholders ([LIEN_DEMO_PRINCIPALE]), never its own.
            if index == 1 || !allowLinks,
                let contact = message.tokens.first(where: { $0.kind == .email || $0.kind == .phone || (!allowLinks || index == 1) && $0.kind == .url })
            {
                diagnostics.append(Diagnostic(
                    file: file, line: line, column: 1,
                    message: "'\(message.text(of: contact))' is a \(contact.kind.rawValue): suggested texts never carry contact details or links of their own"))
                return
            }
            let verdict = moderator.moderate(message, context: ModerationContext(language: language.rawValue))
            if verdict.action != .allow {
                let rules = verdict.rules.filter { $0.weight > 0 }.map(\.symbol).joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    file: file, line: line, column: 1,
                    message: "moderation would \(verdict.action.rawValue) this text\(index == 0 ? " (with sample values)" : ""): \(verdict.reason) [\(rules)]"))
                return
            }
        }
    }
}
