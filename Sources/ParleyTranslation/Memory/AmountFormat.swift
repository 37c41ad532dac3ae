import ParleyText

/// Writes an amount folded by ParleyText ("1500eur", "12.5usd") the way the target language does:
/// "€1,500" and "$12.50" in English, "1 500 €" and "12,50 $" in French, with the tax marker the
/// message carried ("HT" ↔ "excl. VAT", "TTC" ↔ "incl. VAT").
enum AmountFormat {
    static let symbols: [String: String] = ["eur": "€", "usd": "$", "gbp": "£"]

    /// The amount in the target's format, or nil when the folded form is not digits then a currency.
    static func render(folded: String, flags: TokenFlags, in language: TranslationLanguage) -> String? {
        let scalars = Array(folded.unicodeScalars)
        var split = 0
        while split < scalars.count, scalars[split].properties.numericType != nil || scalars[split] == "." { split += 1 }
        guard split > 0, split < scalars.count else { return nil }
        let number = String(String.UnicodeScalarView(scalars[..<split]))
        let currency = String(String.UnicodeScalarView(scalars[split...]))
        guard currency.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isNumber) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isNumber) else { return nil }
        if fraction.count == 1 { fraction += "0" }
        let grouping = language == .english ? "," : " "
        let decimal = language == .english ? "." : ","
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped += grouping }
            grouped.append(digit)
        }
        let value = fraction.isEmpty ? grouped : grouped + decimal + fraction
        let symbol = symbols[currency]
        var text: String
        switch (language, symbol) {
        case (.english, let symbol?): text = symbol + value
        case (.english, nil): text = value + " " + currency.uppercased()
        case (.french, let symbol?): text = value + " " + symbol
        case (.french, nil): text = value + " " + currency.uppercased()
        }
        if flags.contains(.beforeTax) { text += language == .english ? " excl. VAT" : " HT" }
        if flags.contains(.taxIncluded) { text += language == .english ? " incl. VAT" : " TTC" }
        return text
    }
}
