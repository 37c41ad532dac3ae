/// Regular plurals of glossary terms, French and English, so that a file lists the singular once
/// and "cachets", "fiches techniques", "stage managers" still match. Irregular plurals go in the
/// file (a term with `grammaticalNumber` plural after its singular).
///
/// Multi-word terms inflect their head: in English the last word before a preposition ("stage
/// managers", "advances on the fee"); in French every word before the first preposition or article
/// ("fiches techniques", "têtes d'affiche"), and, as a second matching form, the first word alone
/// ("régisseurs son"). Acronyms written in capitals are left alone.
enum PluralRules {
    /// Plural forms of a written term, the form to emit first; empty when the term has no regular plural.
    static func plurals(of text: String, in language: TranslationLanguage) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [] }
        var forms: [String] = []
        switch language {
        case .english:
            let stop = words.firstIndex { englishStops.contains($0.lowercased()) } ?? words.count
            guard stop > 0 else { return [] }
            var inflected = words
            inflected[stop - 1] = inflectLastPart(of: words[stop - 1], with: english)
            forms.append(inflected.joined(separator: " "))
        case .french:
            let stop = words.firstIndex { isFrenchStop($0) } ?? words.count
            guard stop > 0 else { return [] }
            var all = words
            for index in 0..<stop { all[index] = inflectLastPart(of: words[index], with: french) }
            forms.append(all.joined(separator: " "))
            var head = words
            head[0] = inflectLastPart(of: words[0], with: french)
            forms.append(head.joined(separator: " "))
        }
        var unique: [String] = []
        for form in forms where form != text && !unique.contains(form) { unique.append(form) }
        return unique
    }

    static let englishStops: Set<String> = ["of", "for", "on", "in", "at", "to", "with", "from", "per", "off", "by"]
    static let frenchStops: Set<String> = [
        "de", "du", "des", "à", "au", "aux", "en", "pour", "sur", "sous", "avec", "sans", "par", "la", "le", "les", "et",
    ]

    static func isFrenchStop(_ word: String) -> Bool {
        let lower = word.lowercased()
        if frenchStops.contains(lower) { return true }
        // Elided prepositions and articles: d'affiche, l'image.
        if let apostrophe = lower.firstIndex(where: { $0 == "'" || $0 == "’" }) {
            return ["d", "l"].contains(String(lower[..<apostrophe]))
        }
        return false
    }

    /// Inflects the last hyphen-separated part of a word ("monte-charge" → "monte-charges").
    private static func inflectLastPart(of word: String, with rule: (String) -> String) -> String {
        if let hyphen = word.lastIndex(of: "-") {
            let last = String(word[word.index(after: hyphen)...])
            return String(word[...hyphen]) + rule(last)
        }
        return rule(word)
    }

    private static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { !$0.isLetter || $0.isUppercase }
    }

    static let frenchAlToAls: Set<String> = [
        "bal", "banal", "carnaval", "cérémonial", "chacal", "festival", "final", "natal", "naval", "récital", "régal",
    ]
    static let frenchAilToAux: Set<String> = ["bail", "corail", "émail", "soupirail", "travail", "vantail", "vitrail"]
    static let frenchOuToOux: Set<String> = ["bijou", "caillou", "chou", "genou", "hibou", "joujou", "pou"]
    static let frenchEuToEus: Set<String> = ["bleu", "émeu", "landau", "pneu", "sarrau"]

    /// French plural of one word.
    static func french(_ word: String) -> String {
        guard !isAcronym(word), let last = word.last, last.isLetter else { return word }
        let lower = word.lowercased()
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("z") { return word }
        if lower.hasSuffix("au") || lower.hasSuffix("eu") {
            return word + (frenchEuToEus.contains(lower) ? "s" : "x")
        }
        if lower.hasSuffix("al") && !frenchAlToAls.contains(lower) { return String(word.dropLast(2)) + "aux" }
        if frenchAilToAux.contains(lower) { return String(word.dropLast(3)) + "aux" }
        if frenchOuToOux.contains(lower) { return word + "x" }
        return word + "s"
    }

    static let englishIrregular: [String: String] = [
        "child": "children", "foot": "feet", "half": "halves", "knife": "knives", "leaf": "leaves", "life": "lives",
        "person": "people", "shelf": "shelves", "tooth": "teeth", "wife": "wives", "woman": "women", "man": "men",
    ]
    static let englishManExceptions: Set<String> = ["human", "german", "roman", "shaman", "talisman"]

    /// English plural of one word.
    static func english(_ word: String) -> String {
        guard !isAcronym(word), let last = word.last, last.isLetter else { return word }
        let lower = word.lowercased()
        if let irregular = englishIrregular[lower] { return irregular }
        if lower.hasSuffix("man") && !englishManExceptions.contains(lower) { return String(word.dropLast(3)) + "men" }
        // A final s that is not -ss, -us or -is most likely already marks a plural ("expenses"): keep it.
        if lower.hasSuffix("s") && !(lower.hasSuffix("ss") || lower.hasSuffix("us") || lower.hasSuffix("is")) { return word }
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("z") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            return word + "es"
        }
        if lower.hasSuffix("y"), lower.count >= 2 {
            let beforeY = lower[lower.index(lower.endIndex, offsetBy: -2)]
            if !"aeiou".contains(beforeY) { return String(word.dropLast()) + "ies" }
        }
        return word + "s"
    }
}
