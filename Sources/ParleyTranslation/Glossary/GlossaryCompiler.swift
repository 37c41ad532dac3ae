import ParleyText

/// Turns glossary concepts into trie keys: each term folded like a message (so case, accents,
/// elision and hyphens match however they are typed), its plural forms added, conflicts resolved.
///
/// When two concepts give the same folded key in one language, the winner is, in order: a form
/// written in the file over a generated plural; a preferred term over an admitted one over a
/// deprecated one; the later file (so `local/` overrides); the earlier concept in its file.
struct GlossaryCompiler {
    private(set) var diagnostics: [Diagnostic]
    private(set) var entries: [Glossary.Entry] = []
    private let segmenter: Segmenter?
    private var keys: [TranslationLanguage: [String: Candidate]] = [:]

    struct Rank: Comparable {
        var written: Int
        var status: Int
        var file: Int
        var order: Int

        static func < (a: Rank, b: Rank) -> Bool {
            (a.written, a.status, a.file, a.order) < (b.written, b.status, b.file, b.order)
        }
    }

    struct Candidate {
        var entry: Int32
        var rank: Rank
        var conceptID: String
        var file: String
        var line: Int
    }

    /// One lemma of a language section: a singular and its plural, either possibly absent.
    struct Lemma {
        var singular: GlossaryTerm?
        var plural: GlossaryTerm?
    }

    init(textResources: TextResources, diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        do {
            segmenter = try Segmenter(resources: textResources)
        } catch {
            segmenter = nil
            self.diagnostics.append(Diagnostic(file: "", message: "cannot open a segmenter to fold glossary terms: \(error)"))
        }
    }

    /// Adds a concept's keys; returns the forms it emits, [French, English].
    mutating func add(_ concept: GlossaryConcept, index: Int32, file: Int) -> [Glossary.Forms] {
        var forms: [Glossary.Forms] = []
        for language in [TranslationLanguage.french, .english] {
            let lemmas = Self.lemmas(concept.terms[language] ?? [])
            var emitted: Glossary.Forms?
            for lemma in lemmas {
                let generated = lemma.singular.flatMap { singular in
                    singular.takesGeneratedPlural && lemma.plural == nil ? PluralRules.plurals(of: singular.text, in: language) : nil
                } ?? []
                if emitted == nil, let base = lemma.singular ?? lemma.plural {
                    emitted = Glossary.Forms(singular: base.text, plural: lemma.plural?.text ?? generated.first ?? base.text)
                }
                if let singular = lemma.singular {
                    addKey(singular.text, term: singular, plural: false, written: true, concept: concept, index: index, file: file, language: language)
                }
                if let plural = lemma.plural {
                    // A plural-only noun ("balances", "doors") stands for one thing: it agrees as a singular.
                    addKey(plural.text, term: plural, plural: lemma.singular != nil, written: true, concept: concept, index: index, file: file, language: language)
                }
                if let singular = lemma.singular {
                    for form in generated {
                        addKey(form, term: singular, plural: true, written: false, concept: concept, index: index, file: file, language: language)
                    }
                }
            }
            forms.append(emitted ?? Glossary.Forms(singular: "", plural: ""))
        }
        return forms
    }

    /// Pairs each plural term with the singular just before it in the section.
    static func lemmas(_ terms: [GlossaryTerm]) -> [Lemma] {
        var lemmas: [Lemma] = []
        for term in terms {
            if term.number == .plural, let last = lemmas.indices.last, lemmas[last].plural == nil,
                let singular = lemmas[last].singular, singular.number == .singular
            {
                lemmas[last].plural = term
            } else if term.number == .plural {
                lemmas.append(Lemma(singular: nil, plural: term))
            } else {
                lemmas.append(Lemma(singular: term, plural: nil))
            }
        }
        return lemmas
    }

    private mutating func addKey(
        _ text: String, term: GlossaryTerm, plural: Bool, written: Bool, concept: GlossaryConcept, index: Int32, file: Int,
        language: TranslationLanguage
    ) {
        guard let key = fold(text, term: term, concept: concept, report: written) else { return }
        var variants = [key]
        // "get-in" also matches "getin"; the message side handles "sound-check" against "soundcheck".
        if text.contains("-"), let joined = fold(text.replacingHyphens(), term: term, concept: concept, report: false), joined != key {
            variants.append(joined)
        }
        let status: Int
        switch term.status {
        case .preferred: status = 2
        case .admitted: status = 1
        case .deprecated: status = 0
        }
        let rank = Rank(written: written ? 1 : 0, status: status, file: file, order: -Int(index))
        for variant in variants {
            let candidate = Candidate(entry: -1, rank: rank, conceptID: concept.id, file: concept.file, line: term.line)
            if let existing = keys[language]?[variant] {
                if existing.conceptID == concept.id {
                    if written && existing.rank.written == 1 && variant == key {
                        diagnostics.append(
                            Diagnostic(
                                file: concept.file, line: term.line, column: term.column, severity: .warning,
                                message: "duplicate \(language) term '\(text)' in concept '\(concept.id)'"))
                    }
                    continue
                }
                if written && existing.rank.written == 1 && existing.rank.status == rank.status && existing.rank.file == file
                    && variant == key
                {
                    diagnostics.append(
                        Diagnostic(
                            file: concept.file, line: term.line, column: term.column, severity: .warning,
                            message: "\(language) term '\(text)' is also a term of concept '\(existing.conceptID)' (line \(existing.line)), "
                                + "which wins; mark one admittedTerm-admn-sts to say which is preferred"))
                }
                guard rank > existing.rank else { continue }
            }
            var stored = candidate
            stored.entry = Int32(entries.count)
            entries.append(Glossary.Entry(concept: index, plural: plural))
            keys[language, default: [:]][variant] = stored
        }
    }

    /// The folded key of a term: its units joined by one space; nil (diagnosed when `report`) when
    /// the term has nothing to match or holds something other than words and numbers.
    private mutating func fold(_ text: String, term: GlossaryTerm, concept: GlossaryConcept, report: Bool) -> String? {
        guard let segmenter else { return nil }
        let message: Message
        do {
            message = try segmenter.read(text)
        } catch {
            if report {
                diagnostics.append(Diagnostic(file: concept.file, line: term.line, column: term.column, message: "cannot read term '\(text)': \(error)"))
            }
            return nil
        }
        let units = message.folded.units
        if let other = units.first(where: { !Glossary.isMatchable($0.kind) }) {
            if report {
                diagnostics.append(
                    Diagnostic(
                        file: concept.file, line: term.line, column: term.column,
                        message: "term '\(text)' holds a \(other.kind) ('\(message.folded.text(of: other))'): terms are words and numbers"))
            }
            return nil
        }
        guard !units.isEmpty else {
            if report {
                diagnostics.append(Diagnostic(file: concept.file, line: term.line, column: term.column, message: "term '\(text)' has no word to match"))
            }
            return nil
        }
        return units.map { message.folded.text(of: $0) }.joined(separator: " ")
    }

    /// The compiled trie of one language.
    func trie(for language: TranslationLanguage) -> TermTrie {
        let pairs = (keys[language] ?? [:]).map { (key: Array($0.key.utf8), value: $0.value.entry) }
        return TermTrie(keys: pairs)
    }
}

extension String {
    /// The text with hyphens removed ("get-in" → "getin").
    fileprivate func replacingHyphens() -> String { String(unicodeScalars.filter { $0 != "-" && $0 != "\u{2010}" && $0 != "\u{2011}" }) }
}
