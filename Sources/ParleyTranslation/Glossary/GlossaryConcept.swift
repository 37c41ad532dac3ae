/// One concept of a glossary: an id, its terms in French and English, and whether it is translated.
public struct GlossaryConcept: Sendable, Hashable {
    /// The TBX `id` of the `conceptEntry` (unique in its file; a later file's concept with the same id
    /// replaces it, which is how `local/` overrides the shipped glossary).
    public var id: String
    /// Terms per language, in file order; the first is the form a translation emits.
    public var terms: [TranslationLanguage: [GlossaryTerm]]
    /// A "do not translate" entry (brand, acronym, French institution): matches emit the source as written.
    public var doNotTranslate: Bool
    /// The definition or note (`descrip type="definition"`, `note`), for people and tooltips.
    public var note: String?
    /// The file and line of the `conceptEntry`.
    public var file: String
    public var line: Int

    public init(
        id: String, terms: [TranslationLanguage: [GlossaryTerm]], doNotTranslate: Bool = false, note: String? = nil,
        file: String = "", line: Int = 0
    ) {
        self.id = id
        self.terms = terms
        self.doNotTranslate = doNotTranslate
        self.note = note
        self.file = file
        self.line = line
    }
}
