import ParleyText

/// How soon a message wants an answer.
public struct Urgency: Hashable, Sendable, Codable {
    public enum Priority: String, Hashable, Sendable, Codable, CaseIterable {
        case urgent, important, normal

        /// The badge the chat shows: 🔴 urgent, 🟡 important, ⚪ normal.
        public var symbol: String {
            switch self {
            case .urgent: "🔴"
            case .important: "🟡"
            case .normal: "⚪"
            }
        }
    }

    /// Why the priority is what it is: a cue word, or a deadline and how far away it is.
    public struct Reason: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            case cue, deadline
        }

        public var kind: Kind
        public var span: TextSpan
        public var weight: Double
        public var source: LexiconSource?
        /// For a deadline: hours from the reference time to it.
        public var hoursLeft: Double?
    }

    public var priority: Priority
    public var score: Double
    public var reasons: [Reason]

    public init(priority: Priority = .normal, score: Double = 0, reasons: [Reason] = []) {
        self.priority = priority
        self.score = score
        self.reasons = reasons
    }
}

/// Named weights of the urgency reading.
enum UrgencyHeuristics {
    /// Score from which a message is urgent (one strong cue: "urgent", "asap") or important.
    static let urgentThreshold = 3.0
    static let importantThreshold = 1.5
    /// A deadline adds by how close it is: within a day is pressing, within three days soon,
    /// within a week worth noting. Past deadlines and later ones add nothing.
    static let deadlineWeights: [(hours: Double, weight: Double)] = [(24, 2.5), (72, 1.5), (168, 0.75)]
    /// A plain date mention ("le 15 mars") is not a deadline: it adds only when a cue word says the
    /// message is pressing, and then this fraction of a deadline's weight.
    static let plainDateFactor = 0.5
}

/// Reads urgency cues (both languages) and weighs the deadlines found.
struct UrgencyDetector {
    func detect(
        _ message: Message, view: MessageView, language: ToneLanguage, resources: ToneResources,
        dates: [DateMention], reference: Double
    ) -> Urgency {
        typealias H = UrgencyHeuristics
        let units = message.folded.units
        var reasons: [Urgency.Reason] = []
        var score = 0.0
        resources.lexicon(language).urgency.scan(
            view.ids, starts: view.starts, bits: PhraseStarts.any(.urgency), fallback: resources.lexicon(language.other).urgency
        ) { entry, covered in
            let span = units[covered.lowerBound].span.union(units[covered.upperBound - 1].span)
            reasons.append(Urgency.Reason(kind: .cue, span: span, weight: entry.payload, source: entry.source, hoursLeft: nil))
            score += entry.payload
        }
        let cued = score > 0
        var best: Urgency.Reason? = nil
        for mention in dates {
            let hours = (mention.deadline - reference) / 3600
            guard hours >= 0, let step = H.deadlineWeights.first(where: { hours <= $0.hours }) else { continue }
            let weight = mention.isDeadline ? step.weight : (cued ? step.weight * H.plainDateFactor : 0)
            guard weight > 0 else { continue }
            let reason = Urgency.Reason(kind: .deadline, span: mention.span, weight: weight, source: nil, hoursLeft: hours)
            if best == nil || weight > best!.weight { best = reason }
        }
        if let best {
            reasons.append(best)
            score += best.weight
        }
        let priority: Urgency.Priority = score >= H.urgentThreshold ? .urgent : score >= H.importantThreshold ? .important : .normal
        return Urgency(priority: priority, score: score, reasons: reasons)
    }
}
