import ParleyModeration
import ParleyTone

/// Rewrites the lexicon `source` fields of an answer (`/srv/parley/Lexicons/fr/insults.map:12`)
/// relative to the lexicon root (`fr/insults.map:12`): a moderator still finds the line, and the
/// answer does not reveal the server's folders. A file outside the root keeps its name only.
///
/// The library keeps full paths (the CLI prints them for moderators at their own terminal); the
/// server rewrites at its edge.
struct RelativeSources {
    /// The lexicon root with a trailing `/`.
    let root: String

    init(lexiconsDirectory: String) {
        root = lexiconsDirectory.hasSuffix("/") ? lexiconsDirectory : lexiconsDirectory + "/"
    }

    /// `path` (or `path:line`) relative to the root.
    /// - Complexity: a prefix comparison; one new string when the path is absolute.
    func relative(_ path: String) -> String {
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        guard path.hasPrefix("/") else { return path }
        return String(path[path.index(after: path.lastIndex(of: "/")!)...])
    }

    func relative(_ source: ParleyTone.LexiconSource?) -> ParleyTone.LexiconSource? {
        source.map { ParleyTone.LexiconSource(file: relative($0.file), line: $0.line) }
    }

    /// Every rule's and match's source. Cost: O(rules fired + matches).
    func relative(_ verdict: Verdict) -> Verdict {
        var verdict = verdict
        for rule in verdict.rules.indices {
            verdict.rules[rule].source = relative(verdict.rules[rule].source)
            for match in verdict.rules[rule].matches.indices {
                verdict.rules[rule].matches[match].source = verdict.rules[rule].matches[match].source.map(relative)
            }
        }
        return verdict
    }

    /// Every cue's, reason's and tip's source. Cost: O(cues).
    func relative(_ report: ToneReport) -> ToneReport {
        var report = report
        for index in report.sentiment.contributions.indices {
            report.sentiment.contributions[index].source = relative(report.sentiment.contributions[index].source)
        }
        for index in report.formality.cues.indices {
            report.formality.cues[index].source = relative(report.formality.cues[index].source)
        }
        for index in report.urgency.reasons.indices {
            report.urgency.reasons[index].source = relative(report.urgency.reasons[index].source)
        }
        for index in report.tension.cues.indices {
            report.tension.cues[index].source = relative(report.tension.cues[index].source)
        }
        for index in report.tips.indices {
            report.tips[index].source = ParleyTone.LexiconSource(file: relative(report.tips[index].source.file), line: report.tips[index].source.line)
        }
        return report
    }
}
