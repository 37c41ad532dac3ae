import ParleyModeration
import ParleyText

/// What `parley templates lint` checks: everything loading checks (syntax, unknown placeholders,
/// moderation, contact details, missing language variants as warnings), plus every first-contact
/// template rendered with the placeholders' sample values against the limits of the tier it is
/// written for, with what to cut when it is over.
public enum TemplateLinter {
    /// Every problem of the replies and templates files under `directory`, in file order.
    /// - Complexity: loads the resources once and renders each first-contact template once.
    public static func lint(directory: String, textResources: TextResources, moderation: ModerationResources) -> [Diagnostic] {
        var (resources, diagnostics) = ReplyResources.build(from: directory, textResources: textResources, moderation: moderation)
        guard let resources, let segmenter = try? Segmenter(resources: textResources) else { return sorted(diagnostics) }
        for template in resources.templates.templates where template.stage == .firstContact {
            let values = PlaceholderValues.samples(resources.placeholders, language: template.language)
            let limits = resources.limits(template.tier)
            do {
                let rendering = try resources.templates.render(template, values: values, tier: template.tier, limits: limits, segmenter: segmenter)
                if !rendering.length.fits {
                    diagnostics.append(Diagnostic(
                        file: template.file, line: template.line, column: 1,
                        message: "\(template.id) (\(template.language.rawValue)) with sample values: \(describe(rendering))"))
                }
            } catch {
                diagnostics.append(Diagnostic(file: template.file, line: template.line, column: 1, message: "cannot render: \(error)"))
            }
        }
        return sorted(diagnostics)
    }

    /// "1043 graphemes, 43 over the standard limit of 1000: shorten sentence 'Notre set…' by 43".
    public static func describe(_ rendering: TemplateRendering) -> String {
        let length = rendering.length
        var parts: [String] = []
        if length.overBy > 0 {
            parts.append("\(length.graphemes) graphemes, \(length.overBy) over the \(length.tier.rawValue) limit of \(length.limits.full ?? 0)")
        }
        if length.hookOverBy > 0 {
            parts.append("first line \(length.hookGraphemes) graphemes, \(length.hookOverBy) over the \(length.tier.rawValue) hook limit of \(length.limits.hook ?? 0)")
        }
        let cuts = rendering.cuts.map { cut -> String in
            switch cut.part {
            case .placeholder(let name): "shorten [\(name)] (\(cut.graphemes) graphemes) by \(cut.by)"
            case .sentence(let text): cut.by >= cut.graphemes ? "drop '\(text)' (\(cut.graphemes) graphemes)" : "shorten '\(text)' by \(cut.by)"
            case .hook(let text): "shorten the first line '\(text)' by \(cut.by)"
            }
        }
        return parts.joined(separator: "; ") + (cuts.isEmpty ? "" : ": " + cuts.joined(separator: ", then "))
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset)
        }.map(\.element)
    }
}
