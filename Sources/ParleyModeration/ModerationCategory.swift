import ParleyText

/// A report category from `rules.yaml` (`spam`, `scam`, `harassment`, `sexual`), or a category of
/// signals that only feed composite rules and never score (`signal`).
public struct ModerationCategory: Hashable, Sendable {
    /// The key used in rules and labels (`harassment`).
    public var name: String
    /// The report category of the product spec (`harcèlement`).
    public var report: String
    /// Display names by language (`fr`, `en`).
    public var labels: [String: String]
    /// Whether symbols of this category add to a score (signals do not).
    public var scored: Bool
    /// Whether its symbols are listed in verdicts (language hints are not).
    public var shown: Bool = true
    /// Position in `rules.yaml`; the first wins a tie.
    public var priority: Int

    public func label(for language: String) -> String {
        labels[language] ?? labels["en"] ?? name
    }
}
