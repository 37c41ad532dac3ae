/// The workloads whose instruction counts are compared with the ICU baseline.
enum Workload: String, CaseIterable {
    /// Raw ICU word break over UTF-8, rule status read at each boundary: the baseline.
    case icuWordBreak = "icu-word-break"
    /// ParleyText: validation, NFC, typed tokens with spans, folded view.
    case tokenizeFold = "tokenize-fold"
    /// ParleyLanguage: the dominant language of messages already segmented.
    case languageID = "language-id"
    /// ParleyTone: sentiment, formality, urgency and deadlines, tension, tips, on segmented messages.
    case tone = "tone"
}
