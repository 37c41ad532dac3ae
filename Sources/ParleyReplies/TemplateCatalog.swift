import ParleyText

/// Every template of both languages, with selection by context.
public struct TemplateCatalog: Sendable {
    public let templates: [Template]
    public let genres: GenreStyles

    /// The template with this id in this language. O(n) over a few dozen templates.
    public func template(id: String, language: ReplyLanguage) -> Template? {
        templates.first { $0.id == id && $0.language == language }
    }

    /// The templates that fit the query, best first: same genre style before genre-neutral, the asked
    /// register before `any` before the other one, a matching direction before `any`; ties keep file order.
    /// A genre name that belongs to no style selects genre-neutral templates only.
    /// - Complexity: O(templates); folds the genre name once.
    public func select(_ query: TemplateQuery, folding segmenter: Segmenter) -> [Template] {
        let style = query.genre.flatMap { genres.style(of: $0, folding: segmenter) }
        var ranked: [(score: Int, order: Int, template: Template)] = []
        for (order, template) in templates.enumerated() {
            guard template.language == query.language, template.tier <= query.tier else { continue }
            if let stage = query.stage, template.stage != stage { continue }
            if let kind = query.kind, template.kind != kind { continue }
            var score = 0
            if let direction = query.direction, direction != .any {
                if template.direction == direction {
                    score += 4
                } else if template.direction != .any {
                    continue
                }
            }
            if let genre = template.genre {
                guard genre == style else { continue }
                score += 8
            }
            if let register = query.register, let written = template.register {
                score += written == register ? 2 : -16
            } else {
                score += 1
            }
            ranked.append((score, order, template))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        return ranked.map(\.template)
    }
}
