/// The numbers the detectors read, all from the `detectors:` section of `rules.yaml` (none in code).
public struct DetectorSettings: Hashable, Sendable {
    /// Capitals flood: at least `capsMinLetters` letters, of which `capsMinRatio` are capitals.
    public var capsMinLetters: Int
    public var capsMinRatio: Double
    /// Emoji flood: at least `emojiMinCount` emoji, or one emoji repeated `emojiMinRepeat` times.
    public var emojiMinCount: Int
    public var emojiMinRepeat: Int
    /// Punctuation flood: a run of at least this many `!`/`?` characters, or this many runs of 2+.
    public var punctuationMinRun: Int
    /// Repeated words: a word or phrase of up to `repeatMaxPhrase` units said `repeatMinTimes` times.
    public var repeatMinTimes: Int
    public var repeatMaxPhrase: Int
    /// Link-only: a message with a link and at most this many word units besides.
    public var linkOnlyMaxWords: Int
    /// Near-duplicate bulk: SimHash over `bulkShingle`-unit shingles; messages within
    /// `bulkMaxHamming` bits count as the same; `bulkMinRecipients` distinct recipients within
    /// `bulkWindowSeconds` fire the symbol. Messages under `bulkMinUnits` units are not fingerprinted.
    public var bulkShingle: Int
    public var bulkMaxHamming: Int
    public var bulkMinRecipients: Int
    public var bulkWindowSeconds: Int
    public var bulkMinUnits: Int
    /// Tiers exempt from the bulk rule (the spec lets pro bookers send grouped messages for tours).
    public var bulkExemptTiers: [String]

    static let keys: [String] = [
        "caps_flood.min_letters", "caps_flood.min_ratio", "emoji_flood.min_count", "emoji_flood.min_repeat",
        "punctuation_flood.min_run", "repetition.min_times", "repetition.max_phrase", "link_only.max_words",
        "bulk.shingle", "bulk.max_hamming", "bulk.min_recipients", "bulk.window_seconds", "bulk.min_units",
    ]

    init(values: [String: Double], exemptTiers: [String]) {
        func int(_ key: String) -> Int { Int(values[key] ?? 0) }
        capsMinLetters = int("caps_flood.min_letters")
        capsMinRatio = values["caps_flood.min_ratio"] ?? 1
        emojiMinCount = int("emoji_flood.min_count")
        emojiMinRepeat = int("emoji_flood.min_repeat")
        punctuationMinRun = int("punctuation_flood.min_run")
        repeatMinTimes = int("repetition.min_times")
        repeatMaxPhrase = int("repetition.max_phrase")
        linkOnlyMaxWords = int("link_only.max_words")
        bulkShingle = int("bulk.shingle")
        bulkMaxHamming = int("bulk.max_hamming")
        bulkMinRecipients = int("bulk.min_recipients")
        bulkWindowSeconds = int("bulk.window_seconds")
        bulkMinUnits = int("bulk.min_units")
        bulkExemptTiers = exemptTiers
    }
}
