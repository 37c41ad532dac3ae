import ParleyText
import Yams

/// Everything `rules.yaml` says: categories, actions and their thresholds, symbols (with their
/// category, weight and FR/EN descriptions), composites, detector settings and spec limits.
///
/// `Lexicons/local/rules.yaml`, when present, is applied on top: any key it sets replaces the
/// shipped value, and the shipped file stays untouched.
public struct RuleBook: Sendable {
    /// Categories in priority order.
    public internal(set) var categories: [ModerationCategory] = []
    /// Minimum top-category score for each action above `allow`, ascending.
    public internal(set) var thresholds: [(action: ModerationAction, score: Double)] = []
    public internal(set) var symbols: [String: SymbolRule] = [:]
    /// Symbol names in file order (composites are evaluated in this order).
    public internal(set) var symbolOrder: [String] = []
    public internal(set) var detectors: DetectorSettings
    public internal(set) var policy: PolicySettings
    /// The files this was read from.
    public internal(set) var files: [String] = []
    /// Which map files under `Lexicons/` are moderation lexicons (`lexicons:`), as `dir/name.map`
    /// patterns where `*` matches within one path segment: other modules keep their own maps there.
    public internal(set) var lexiconPatterns: [String] = []

    /// Whether a map file's path (absolute or relative) is a moderation lexicon: its last segments
    /// match one of the patterns.
    public func isLexicon(_ path: String) -> Bool {
        Self.matches(path, patterns: lexiconPatterns)
    }

    static func matches(_ path: String, patterns: [String]) -> Bool {
        let segments = path.split(separator: "/")
        return patterns.contains { pattern in
            let parts = pattern.split(separator: "/")
            guard segments.count >= parts.count else { return false }
            return zip(segments.suffix(parts.count), parts).allSatisfy { glob($1, $0) }
        }
    }

    /// `*` matches any run of characters; everything else matches itself.
    static func glob(_ pattern: Substring, _ text: Substring) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == text }
        let head = pattern[..<star]
        let tail = pattern[pattern.index(after: star)...]
        guard text.hasPrefix(head) else { return false }
        var rest = text.dropFirst(head.count)
        while true {
            if glob(tail, rest) { return true }
            if rest.isEmpty { return false }
            rest = rest.dropFirst()
        }
    }

    public func category(named name: String) -> ModerationCategory? { categories.first { $0.name == name } }

    /// The action a top score calls for.
    public func action(for score: Double) -> ModerationAction {
        var result = ModerationAction.allow
        for threshold in thresholds where score >= threshold.score { result = max(result, threshold.action) }
        return result
    }

    /// The score from which a message is not `allow` (the lowest threshold).
    public var flagThreshold: Double { thresholds.map(\.score).min() ?? .infinity }

    /// Reads `rules.yaml` and then each override file in order.
    /// - Throws: ``DiagnosticList`` with every problem, each with file:line:col.
    public static func load(paths: [String], texts: [String]) throws(DiagnosticList) -> RuleBook {
        var reader = RuleBookReader()
        for (path, text) in zip(paths, texts) { reader.apply(text, path: path) }
        return try reader.finish(files: paths)
    }
}

/// Applies YAML files one after the other onto the values read so far, with diagnostics.
struct RuleBookReader {
    var diagnostics: [Diagnostic] = []
    var categories: [ModerationCategory] = []
    var thresholds: [ModerationAction: Double] = [:]
    var symbols: [String: SymbolRule] = [:]
    var symbolOrder: [String] = []
    var detectorValues: [String: Double] = [:]
    var exemptTiers: [String]?
    var policyInts: [String: Int?] = [:]
    var policyMaps: [String: [String: Int?]] = [:]
    var defaultTier: String?
    var lexiconPatterns: [String]?
    var path = ""
    var firstPath = ""

    mutating func error(_ message: String, _ node: Node?) {
        diagnostics.append(Diagnostic(file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message))
    }

    mutating func apply(_ text: String, path: String) {
        self.path = path
        if firstPath.isEmpty { firstPath = path }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                diagnostics.append(Diagnostic(file: path, line: mark.line, column: mark.column, message: "YAML: \(problem)"))
            default:
                diagnostics.append(Diagnostic(file: path, message: "YAML: \(error)"))
            }
            return
        } catch {
            diagnostics.append(Diagnostic(file: path, message: "YAML: \(error)"))
            return
        }
        guard let root else { return }
        guard let mapping = root.mapping else { error("expected a mapping at the top level", root); return }
        for (key, value) in mapping {
            switch key.string {
            case "categories": readCategories(value)
            case "actions": readActions(value)
            case "symbols": readSymbols(value)
            case "detectors": readDetectors(value)
            case "policy": readPolicy(value)
            case "lexicons":
                guard let list = value.sequence?.compactMap(\.string), list.count == value.sequence?.count,
                    list.allSatisfy({ $0.hasSuffix(".map") }) else {
                    error("'lexicons' must be a list of map file patterns like 'fr/scam.map' or 'common/*.map'", value); continue
                }
                lexiconPatterns = list
            default: error("unknown section '\(key.string ?? "?")' (expected lexicons, categories, actions, symbols, detectors, policy)", key)
            }
        }
    }

    mutating func readCategories(_ node: Node) {
        guard let mapping = node.mapping else { error("'categories' must map names to settings", node); return }
        for (key, value) in mapping {
            guard let name = key.string, let settings = value.mapping else { error("expected 'name: {report:, fr:, en:}'", key); continue }
            var category = categories.first { $0.name == name }
                ?? ModerationCategory(name: name, report: name, labels: [:], scored: true, priority: categories.count)
            for (field, fieldValue) in settings {
                switch field.string {
                case "report": category.report = fieldValue.string ?? category.report
                case "scored":
                    guard let flag = fieldValue.bool else { error("'scored' must be true or false", fieldValue); continue }
                    category.scored = flag
                case "shown":
                    guard let flag = fieldValue.bool else { error("'shown' must be true or false", fieldValue); continue }
                    category.shown = flag
                case let language? where language.count == 2:
                    category.labels[language] = fieldValue.string
                default: error("unknown category field '\(field.string ?? "?")'", field)
                }
            }
            if let index = categories.firstIndex(where: { $0.name == name }) { categories[index] = category } else { categories.append(category) }
        }
    }

    mutating func readActions(_ node: Node) {
        guard let mapping = node.mapping else { error("'actions' must map review/hold/block to scores", node); return }
        for (key, value) in mapping {
            guard let name = key.string, let action = ModerationAction(rawValue: name), action != .allow else {
                error("unknown action '\(key.string ?? "?")' (expected review, hold, block)", key); continue
            }
            guard let score = value.float else { error("the threshold of '\(name)' must be a number", value); continue }
            thresholds[action] = score
        }
    }

    mutating func readSymbols(_ node: Node) {
        guard let mapping = node.mapping else { error("'symbols' must map NAMES to settings", node); return }
        for (key, value) in mapping {
            guard let name = key.string, isSymbolName(name) else { error("symbol names are UPPER_CASE: '\(key.string ?? "?")'", key); continue }
            guard let settings = value.mapping else { error("symbol '\(name)' needs settings (category, weight, fr, en)", value); continue }
            let source = LexiconSource(file: path, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0)
            var rule = symbols[name] ?? SymbolRule(name: name, category: "", weight: .nan, descriptions: [:], source: source)
            for (field, fieldValue) in settings {
                switch field.string {
                case "category": rule.category = fieldValue.string ?? ""
                case "weight":
                    guard let weight = fieldValue.float else { error("'weight' must be a number", fieldValue); continue }
                    rule.weight = weight
                case "all", "any", "none":
                    guard let list = fieldValue.sequence?.compactMap(\.string), list.allSatisfy({ isSymbolName($0) }) else {
                        error("'\(field.string!)' must be a list of SYMBOLS", fieldValue); continue
                    }
                    switch field.string {
                    case "all": rule.all = list
                    case "any": rule.any = list
                    default: rule.none = list
                    }
                case "within":
                    guard let units = fieldValue.int, units > 0 else { error("'within' must be a positive number of words", fieldValue); continue }
                    rule.within = units
                case "action":
                    guard let name = fieldValue.string, let action = ModerationAction(rawValue: name) else {
                        error("unknown action '\(fieldValue.string ?? "?")'", fieldValue); continue
                    }
                    rule.action = action
                case let language? where language.count == 2:
                    rule.descriptions[language] = fieldValue.string
                default: error("unknown symbol field '\(field.string ?? "?")'", field)
                }
            }
            if symbols[name] == nil { symbolOrder.append(name) }
            symbols[name] = rule
        }
    }

    mutating func readDetectors(_ node: Node) {
        guard let mapping = node.mapping else { error("'detectors' must be a mapping", node); return }
        for (key, value) in mapping {
            guard let detector = key.string, let settings = value.mapping else { error("expected 'detector: {setting: number}'", key); continue }
            for (field, fieldValue) in settings {
                let name = "\(detector).\(field.string ?? "")"
                if name == "bulk.exempt_tiers" {
                    guard let list = fieldValue.sequence?.compactMap(\.string) else { error("'exempt_tiers' must be a list", fieldValue); continue }
                    exemptTiers = list
                    continue
                }
                guard DetectorSettings.keys.contains(name) else { error("unknown detector setting '\(name)'", field); continue }
                guard let number = fieldValue.float else { error("'\(name)' must be a number", fieldValue); continue }
                detectorValues[name] = number
            }
        }
    }

    /// A limit: a non-negative integer or `unlimited`.
    mutating func limit(_ node: Node) -> Int?? {
        if node.string == "unlimited" { return .some(nil) }
        guard let value = node.int, value >= 0 else { error("expected a non-negative integer or 'unlimited'", node); return nil }
        return .some(value)
    }

    static let policyIntKeys = ["messages_per_window", "message_window_seconds", "contact_window_seconds", "megabyte"]
    static let policyMapKeys = [
        "contacts_per_window", "first_message_hook", "first_message_full", "attachment_megabytes_by_type",
        "attachment_seconds_by_type", "attachment_megabytes_by_verification",
    ]

    mutating func readPolicy(_ node: Node) {
        guard let mapping = node.mapping else { error("'policy' must be a mapping", node); return }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if name == "default_tier" {
                defaultTier = value.string
            } else if Self.policyIntKeys.contains(name) {
                if let parsed = limit(value) { policyInts[name] = parsed }
            } else if Self.policyMapKeys.contains(name) {
                guard let entries = value.mapping else { error("'\(name)' must map names to limits", value); continue }
                var map = policyMaps[name] ?? [:]
                for (entryKey, entryValue) in entries {
                    guard let entryName = entryKey.string else { continue }
                    if let parsed = limit(entryValue) { map[entryName] = parsed }
                }
                policyMaps[name] = map
            } else {
                error("unknown policy setting '\(name)'", key)
            }
        }
    }

    mutating func finish(files: [String]) throws(DiagnosticList) -> RuleBook {
        path = firstPath
        func missing(_ message: String) { diagnostics.append(Diagnostic(file: firstPath, message: message)) }
        let categoryNames = Set(categories.map(\.name))
        for name in symbolOrder {
            guard let rule = symbols[name] else { continue }
            let at = rule.source
            func problem(_ message: String) {
                diagnostics.append(Diagnostic(file: at.file, line: at.line, column: at.column, message: message))
            }
            if !categoryNames.contains(rule.category) { problem("symbol \(name): unknown category '\(rule.category)'") }
            if rule.weight.isNaN { problem("symbol \(name): missing weight") }
            if rule.descriptions["fr"] == nil || rule.descriptions["en"] == nil { problem("symbol \(name): needs both 'fr' and 'en' descriptions") }
            for other in rule.all + rule.any + rule.none where symbols[other] == nil {
                problem("symbol \(name): composite refers to unknown symbol \(other)")
            }
        }
        for key in DetectorSettings.keys where detectorValues[key] == nil { missing("detectors: missing setting '\(key)'") }
        for key in Self.policyIntKeys where policyInts[key] == nil { missing("policy: missing setting '\(key)'") }
        for key in Self.policyMapKeys where policyMaps[key] == nil { missing("policy: missing setting '\(key)'") }
        if defaultTier == nil { missing("policy: missing setting 'default_tier'") }
        if thresholds.isEmpty { missing("actions: no thresholds (review, hold, block)") }
        if lexiconPatterns == nil { missing("lexicons: missing list of moderation map files") }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }

        let megabyte = (policyInts["megabyte"] ?? nil) ?? 1
        func scaled(_ map: [String: Int?]) -> [String: Int?] { map.mapValues { $0.map { $0 * megabyte } } }
        var contacts = policyMaps["contacts_per_window"]!
        let defaultContacts = contacts.removeValue(forKey: "default") ?? nil
        var bytesByLevel = scaled(policyMaps["attachment_megabytes_by_verification"]!)
        let defaultBytes = bytesByLevel.removeValue(forKey: "default") ?? nil
        let policy = PolicySettings(
            messagesPerWindow: policyInts["messages_per_window"]!,
            messageWindowSeconds: policyInts["message_window_seconds"]!! ,
            contactsByVerification: contacts, defaultContacts: defaultContacts,
            contactWindowSeconds: policyInts["contact_window_seconds"]!!,
            firstMessageHook: policyMaps["first_message_hook"]!, firstMessageFull: policyMaps["first_message_full"]!,
            defaultTier: defaultTier!,
            attachmentBytesByType: scaled(policyMaps["attachment_megabytes_by_type"]!),
            attachmentSecondsByType: policyMaps["attachment_seconds_by_type"]!,
            attachmentBytesByVerification: bytesByLevel, defaultAttachmentBytes: defaultBytes)
        var book = RuleBook(
            detectors: DetectorSettings(values: detectorValues, exemptTiers: exemptTiers ?? []), policy: policy)
        book.categories = categories
        book.thresholds = thresholds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        book.symbols = symbols
        book.symbolOrder = symbolOrder
        book.files = files
        book.lexiconPatterns = lexiconPatterns ?? []
        return book
    }
}
