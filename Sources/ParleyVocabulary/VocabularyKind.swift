/// What a vocabulary entry names, so a client can show an icon or group suggestions.
public enum VocabularyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A music genre: `jazz manouche`, `hip-hop`, `musiques actuelles`.
    case genre
    /// A technical or production term: `backline`, `soundcheck`, `fiche technique`.
    case technical
    /// Gear with its brand: `Shure SM58`, `Pioneer CDJ-3000`, `Nord Stage`.
    case equipment
    /// A kind of venue (or a well-known one): `SMAC`, `café-concert`, `Zénith`.
    case venue
}
