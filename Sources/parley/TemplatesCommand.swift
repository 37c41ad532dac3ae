import ArgumentParser
import Foundation
import ParleyReplies
import ParleyText

/// `parley templates list|render|lint`: the message templates of Lexicons/templates.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, fill in and check the message templates (first contact, genre styles, follow-ups, negotiation).",
        subcommands: [List.self, Render.self, Lint.self, IceBreakers.self]
    )

    /// The context that selects templates, shared by `list` and `render`.
    struct Selection: ParsableArguments {
        @Option(name: .long, help: "fr or en.")
        var language: String = "fr"

        @Option(name: .long, help: "first-contact, follow-up or negotiation.")
        var stage: String?

        @Option(name: .long, help: "A finer tag: soft-reminder, urgency, value, alternative, price, dates, rider, contract, presentation…")
        var kind: String?

        @Option(name: .long, help: "artist-venue, venue-artist, booker-artist or booker-venue.")
        var direction: String?

        @Option(name: .long, help: "A genre (jazz, hard rock, électro…): its style's templates first.")
        var genre: String?

        @Option(name: .long, help: "tu or vous.")
        var register: String?

        @Option(name: .long, help: "standard, super_like or booker_pro: the sender's tier.")
        var tier: String = MessageTier.standard.rawValue

        func query() throws -> TemplateQuery {
            guard let language = try RepliesSupport.language(language) else { throw ValidationError("--language must be fr or en") }
            func parse<T>(_ value: String?, _ make: (String) -> T?, _ option: String, _ allowed: String) throws -> T? {
                guard let value else { return nil }
                guard let parsed = make(value) else { throw ValidationError("\(option) '\(value)' is not one of: \(allowed)") }
                return parsed
            }
            let stage = try parse(stage, Template.Stage.init(rawValue:), "--stage", Template.Stage.allCases.map(\.rawValue).joined(separator: ", "))
            let direction = try parse(
                direction, Template.Direction.init(rawValue:), "--direction", Template.Direction.allCases.map(\.rawValue).joined(separator: ", "))
            let register = try parse(register, ReplyRegister.init(rawValue:), "--register", "tu, vous")
            guard let tier = try parse(tier, MessageTier.init(rawValue:), "--tier", MessageTier.allCases.map(\.rawValue).joined(separator: ", ")) else {
                throw ValidationError("--tier is required")
            }
            return TemplateQuery(
                language: language, stage: stage, kind: kind, direction: direction, genre: genre, register: register, tier: tier)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the templates that fit a context, best first: id, language, stage, kind, direction, genre, register, tier, title (tab-separated).")

        @OptionGroup var selection: Selection

        @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS or the nearest Lexicons/).")
        var lexicons: String?

        func validate() throws { _ = try selection.query() }

        func run() throws {
            let loaded = try RepliesSupport.load(try MessageInputOptions.lexiconsDirectory(lexicons))
            let segmenter = try Segmenter(resources: loaded.text)
            for template in loaded.replies.templates.select(try selection.query(), folding: segmenter) {
                print([
                    template.id, template.language.rawValue, template.stage.rawValue, template.kind.isEmpty ? "-" : template.kind,
                    template.direction.rawValue, template.genre ?? "any", template.register?.rawValue ?? "any", template.tier.rawValue,
                    template.title,
                ].joined(separator: "\t"))
            }
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill in a template and check its length against the tier's first-message limits.",
            discussion: """
                Renders the template given by --id, or the best one for the context (--stage, --direction, \
                --genre…). Placeholders without a value stay visible. Prints the text (or, with --json, an \
                object with the text, the placeholders left, the lengths and what to cut); when a first \
                message is over its tier's limit, says what to cut on standard error and exits 1.
                """)

        @OptionGroup var selection: Selection

        @Option(name: .long, help: "The template's id (see `parley templates list`).")
        var id: String?

        @Option(name: .long, help: "A value, key=value (repeatable): --set venue='Le Périscope' --set fee='1 500 €'.")
        var set: [String] = []

        @Flag(name: .long, help: "Write a JSON object instead of the text.")
        var json = false

        @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS or the nearest Lexicons/).")
        var lexicons: String?

        func validate() throws {
            _ = try selection.query()
            _ = try RepliesSupport.context(set)
        }

        func run() throws {
            let loaded = try RepliesSupport.load(try MessageInputOptions.lexiconsDirectory(lexicons))
            let segmenter = try Segmenter(resources: loaded.text)
            let query = try selection.query()
            let catalog = loaded.replies.templates
            let template: Template
            if let id {
                guard let found = catalog.template(id: id, language: query.language) else {
                    throw ValidationError("no template '\(id)' in \(query.language.rawValue) (see `parley templates list`)")
                }
                template = found
            } else {
                guard let best = catalog.select(query, folding: segmenter).first else {
                    throw ValidationError("no template fits this context (see `parley templates list`)")
                }
                template = best
            }
            let values: PlaceholderValues
            do {
                values = try PlaceholderValues(catalog: loaded.replies.placeholders, RepliesSupport.context(set))
            } catch {
                throw ValidationError("--set: \(error)")
            }
            let rendering = try catalog.render(
                template, values: values, tier: query.tier, limits: loaded.replies.limits(query.tier), segmenter: segmenter)
            if json {
                JSONLine.write(TemplateRenderingJSON(rendering))
            } else {
                print(rendering.text)
            }
            if !rendering.length.fits {
                StandardError.write("error: \(template.id): \(TemplateLinter.describe(rendering))")
                throw ExitCode(1)
            }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check replies and templates: syntax, unknown placeholders, moderation, over-length first messages, missing language variants.",
            discussion: "Prints file:line:col: severity: message. Exits 1 when there is any error or, with --strict, any warning.")

        @Argument(help: "The Lexicons folder (default: $PARLEY_LEXICONS or the nearest Lexicons/).")
        var directory: String?

        @Flag(name: .long, help: "Fail on warnings too (missing language variants, duplicate cues).")
        var strict = false

        func run() throws {
            let directory = try MessageInputOptions.lexiconsDirectory(directory)
            let moderation = try ModerationSupport.load(directory)
            let diagnostics = TemplateLinter.lint(directory: directory, textResources: moderation.textResources, moderation: moderation)
            for diagnostic in diagnostics { print(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            StandardError.write("\(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
        }
    }
}

extension TemplatesCommand {
    struct IceBreakers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "icebreakers",
            abstract: "Opening lines for a first message from profile facts, best first (score, fact, text; tab-separated).")

        @Option(name: .long, help: "The recipient's language: fr or en.")
        var language: String = "fr"

        @Option(name: .long, help: "tu or vous (French).")
        var register: String = "vous"

        @Option(name: .long, help: "An influence both profiles share (repeatable).")
        var influence: [String] = []

        @Option(name: .long, help: "An artist, venue or festival both have worked with (repeatable).")
        var collaboration: [String] = []

        @Option(name: .long, help: "A region to grow an audience in.")
        var region: String?

        @Option(name: .long, help: "The recipient's latest release.")
        var release: String?

        @Option(name: .long, help: "A recent press or radio appearance of the recipient.")
        var press: String?

        @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS or the nearest Lexicons/).")
        var lexicons: String?

        func validate() throws {
            _ = try RepliesSupport.language(language)
            if ReplyRegister(rawValue: register) == nil { throw ValidationError("--register must be tu or vous") }
        }

        func run() throws {
            let loaded = try RepliesSupport.load(try MessageInputOptions.lexiconsDirectory(lexicons))
            let facts = ProfileFacts(
                sharedInfluences: influence, collaborations: collaboration, region: region, recentRelease: release, press: press)
            let lines = loaded.replies.iceBreakers(
                for: facts, language: try RepliesSupport.language(language) ?? .fr, register: ReplyRegister(rawValue: register) ?? .vous)
            for line in lines { print("\(line.score)\t\(line.fact.rawValue)\t\(line.text)") }
        }
    }
}

/// The JSON object `parley templates render --json` writes.
struct TemplateRenderingJSON: Encodable {
    struct Cut: Encodable {
        var placeholder: String?
        var sentence: String?
        var hook: String?
        var graphemes: Int
        var by: Int
    }

    var id: String
    var language: String
    var text: String
    var unfilled: [String]
    var tier: String
    var graphemes: Int
    var hookGraphemes: Int
    var limit: Int?
    var hookLimit: Int?
    var limited: Bool
    var overBy: Int
    var hookOverBy: Int
    var fits: Bool
    var cuts: [Cut]

    init(_ rendering: TemplateRendering) {
        id = rendering.template.id
        language = rendering.template.language.rawValue
        text = rendering.text
        unfilled = rendering.unfilled
        let length = rendering.length
        tier = length.tier.rawValue
        graphemes = length.graphemes
        hookGraphemes = length.hookGraphemes
        limit = length.limits.full
        hookLimit = length.limits.hook
        limited = length.limited
        overBy = length.overBy
        hookOverBy = length.hookOverBy
        fits = length.fits
        cuts = rendering.cuts.map { cut in
            switch cut.part {
            case .placeholder(let name): Cut(placeholder: name, graphemes: cut.graphemes, by: cut.by)
            case .sentence(let text): Cut(sentence: text, graphemes: cut.graphemes, by: cut.by)
            case .hook(let text): Cut(hook: text, graphemes: cut.graphemes, by: cut.by)
            }
        }
    }
}
