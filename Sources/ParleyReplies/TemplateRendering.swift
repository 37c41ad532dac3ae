import ParleyText

/// A template filled in for one sender, with its length checked against the tier's limits.
public struct TemplateRendering: Sendable, Hashable {
    /// One piece to shorten so that the message fits: a placeholder value that is long, or a sentence.
    public struct Cut: Sendable, Hashable, Codable {
        public enum Part: Sendable, Hashable, Codable {
            case placeholder(String)
            case sentence(String)
            /// The first line (the hook shown as the preview).
            case hook(String)
        }

        public var part: Part
        /// The part's length in graphemes.
        public var graphemes: Int
        /// How many graphemes to remove from it (all of them: drop the sentence).
        public var by: Int

        public init(part: Part, graphemes: Int, by: Int) {
            self.part = part
            self.graphemes = graphemes
            self.by = by
        }
    }

    /// Lengths in graphemes and what is over.
    public struct Length: Sendable, Hashable, Codable {
        public var tier: MessageTier
        public var limits: TierLimits
        public var graphemes: Int
        /// Graphemes of the first line.
        public var hookGraphemes: Int
        /// 0 when the whole message fits.
        public var overBy: Int
        public var hookOverBy: Int
        /// Whether the limits apply: the spec limits first messages only.
        public var limited: Bool

        public var fits: Bool { overBy == 0 && hookOverBy == 0 }
    }

    public var template: Template
    public var text: String
    /// Placeholders left visible because the caller gave no value for them.
    public var unfilled: [String]
    public var length: Length
    /// Empty when the message fits; otherwise what to shorten, the smallest sufficient cut first.
    public var cuts: [Cut]
}

/// Named constants of the cut advice.
enum CutHeuristics {
    /// A placeholder value is worth shortening only if this many graphemes of it remain afterwards
    /// (a venue name cut to three letters is no advice).
    static let minimumKept = 12
}

extension TemplateCatalog {
    /// Fills a template and checks its length against `tier`'s first-message limits (a first-contact
    /// template) with grapheme counts from the segmenter (`Message.counts`), exactly as moderation
    /// counts the message when it is sent.
    /// - Complexity: O(length of the text): one segmentation of the rendered text, one of its first line.
    /// - Throws: ``TextError`` when the rendered text cannot be segmented (over the size limit).
    public func render(
        _ template: Template, values: PlaceholderValues, tier: MessageTier, limits: TierLimits, segmenter: Segmenter
    ) throws(TextError) -> TemplateRendering {
        var bytes: [UInt8] = []
        var unfilledIDs: [Int32] = []
        template.body.render(values: values, into: &bytes, unfilled: &unfilledIDs)
        let text = String(decoding: bytes, as: UTF8.self)
        let message = try segmenter.read(bytes)
        let firstLine = bytes.firstIndex(of: UInt8(ascii: "\n")).map { Array(bytes[..<$0]) } ?? bytes
        let hookGraphemes = try segmenter.read(firstLine).counts.graphemes
        let graphemes = message.counts.graphemes
        let limited = template.stage == .firstContact
        let overBy = limited ? max(0, graphemes - (limits.full ?? Int.max)) : 0
        let hookOverBy = limited ? max(0, hookGraphemes - (limits.hook ?? Int.max)) : 0
        var cuts: [TemplateRendering.Cut] = []
        if hookOverBy > 0 {
            let hook = String(decoding: firstLine, as: UTF8.self)
            cuts.append(.init(part: .hook(hook), graphemes: hookGraphemes, by: hookOverBy))
        }
        if overBy > 0 {
            cuts += Self.cuts(overBy: overBy, text: text, template: template, values: values)
        }
        return TemplateRendering(
            template: template, text: text, unfilled: unfilledIDs.map { values.catalog.placeholders[Int($0)].name },
            length: .init(
                tier: tier, limits: limits, graphemes: graphemes, hookGraphemes: hookGraphemes, overBy: overBy, hookOverBy: hookOverBy,
                limited: limited),
            cuts: cuts)
    }

    /// What to shorten to remove `overBy` graphemes: the longest filled placeholder if shortening it
    /// alone is enough and leaves it readable; otherwise the shortest sentence (after the first line)
    /// whose removal is enough; otherwise the longest sentences, one after the other, until enough.
    static func cuts(overBy: Int, text: String, template: Template, values: PlaceholderValues) -> [TemplateRendering.Cut] {
        var seen: Set<Int32> = []
        var longest: (name: String, graphemes: Int)?
        for id in template.body.placeholderIDs where seen.insert(id).inserted {
            guard let value = values.value(id) else { continue }
            let count = String(decoding: value, as: UTF8.self).count
            if count > (longest?.graphemes ?? 0) { longest = (values.catalog.placeholders[Int(id)].name, count) }
        }
        if let longest, longest.graphemes - overBy >= CutHeuristics.minimumKept {
            return [.init(part: .placeholder(longest.name), graphemes: longest.graphemes, by: overBy)]
        }
        let sentences = Self.sentences(text).dropFirst()
        if let single = sentences.filter({ $0.count >= overBy }).min(by: { $0.count < $1.count }) {
            return [.init(part: .sentence(single), graphemes: single.count, by: min(single.count, overBy))]
        }
        var cuts: [TemplateRendering.Cut] = []
        var remaining = overBy
        for sentence in sentences.sorted(by: { $0.count > $1.count }) where remaining > 0 {
            cuts.append(.init(part: .sentence(sentence), graphemes: sentence.count, by: min(sentence.count, remaining)))
            remaining -= sentence.count
        }
        return cuts
    }

    /// The text's lines, each split after `.`, `!`, `?` or `…` followed by a space; trimmed, non-empty.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") {
            var current = ""
            var previous: Character = " "
            for character in line {
                if character == " ", ".!?…".contains(previous), !current.isEmpty {
                    result.append(current)
                    current = ""
                    previous = character
                    continue
                }
                if !(current.isEmpty && character == " ") { current.append(character) }
                previous = character
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }
}
