import ParleyTone

/// Amounts and percentages written the way each language writes them, without Foundation:
/// "2–4 K€" / "€2–4K", "800–1 200 €" / "€800–1,200", "40 %" / "40%".
enum MoneyFormat {
    /// A fee range, rounded for reading: thousands to one decimal in K, smaller sums to 10 €.
    static func range(_ low: Double, _ high: Double, _ language: ToneLanguage) -> String {
        if high >= 1000 {
            let a = decimal((low / 100).rounded() / 10, language)
            let b = decimal((high / 100).rounded() / 10, language)
            let span = a == b ? a : "\(a)–\(b)"
            return language == .fr ? "\(span) K€" : "€\(span)K"
        }
        let a = integer(Int((low / 10).rounded()) * 10, language)
        let b = integer(Int((high / 10).rounded()) * 10, language)
        let span = a == b ? a : "\(a)–\(b)"
        return language == .fr ? "\(span) €" : "€\(span)"
    }

    /// One decimal at most: "2", "2,5" (fr), "2.5" (en).
    static func decimal(_ value: Double, _ language: ToneLanguage) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = integer(tenths / 10, language)
        return tenths % 10 == 0 ? whole : "\(whole)\(language == .fr ? "," : ".")\(tenths % 10)"
    }

    /// Thousands grouped: "1 200" (fr, narrow no-break space), "1,200" (en).
    static func integer(_ value: Int, _ language: ToneLanguage) -> String {
        let digits = String(abs(value))
        var out = value < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += language == .fr ? "\u{202F}" : "," }
            out.append(digit)
        }
        return out
    }

    /// A fraction as a whole percentage: 0.4 → "40".
    static func percent(_ fraction: Double) -> String { String(Int((fraction * 100).rounded())) }

    /// With its sign: 0.2 → "+20", -0.1 → "-10".
    static func signedPercent(_ fraction: Double) -> String {
        let value = Int((fraction * 100).rounded())
        return value >= 0 ? "+\(value)" : "\(value)"
    }
}
