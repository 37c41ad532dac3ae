import ParleyText

/// Rewrites a sum of money in the target language's convention: `1 500 €` ↔ `€1,500`,
/// `17,90 €` ↔ `€17.90`, `2k€` ↔ `€2k`, `$1,200` ↔ `1 200 $`, `800 balles` → `€800`;
/// `HT`/`TTC` ↔ `excl. VAT`/`incl. VAT`. Text it cannot read is returned unchanged.
enum AmountFormatter {
    struct Amount: Equatable {
        var integer: String
        var decimals: String
        var thousands: Bool
        var currency: String
        var beforeTax: Bool
        var taxIncluded: Bool
    }

    static func format(_ text: String, flags: TokenFlags, to language: TranslationLanguage) -> String {
        guard let amount = parse(text, flags: flags) else { return text }
        return render(amount, language)
    }

    /// Reads the number (the last separator followed by one or two digits is the decimal mark, the
    /// others group thousands), a `k` multiplier and the currency.
    static func parse(_ text: String, flags: TokenFlags) -> Amount? {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0.properties.numericType == .decimal }) else { return nil }
        var last = first
        while last + 1 < scalars.count {
            let next = scalars[last + 1]
            if next.properties.numericType == .decimal {
                last += 1
            } else if [",", ".", " ", "\u{00A0}", "\u{202F}", "'"].contains(next), last + 2 < scalars.count,
                scalars[last + 2].properties.numericType == .decimal {
                last += 2
            } else {
                break
            }
        }
        var groups: [String] = [""]
        var separators: [Unicode.Scalar] = []
        for scalar in scalars[first...last] {
            if scalar.properties.numericType == .decimal {
                groups[groups.count - 1].unicodeScalars.append(scalar)
            } else {
                separators.append(scalar)
                groups.append("")
            }
        }
        var decimals = ""
        if let mark = separators.last, mark == "," || mark == ".", let tail = groups.last, tail.count <= 2,
            groups.count == 2 || separators.dropLast().allSatisfy({ $0 != mark }) {
            decimals = tail
            groups.removeLast()
        }
        let rest = String(String.UnicodeScalarView(scalars[(last + 1)...])).lowercased()
        let head = String(String.UnicodeScalarView(scalars[..<first])).lowercased()
        let thousands = rest.hasPrefix("k") || rest.hasPrefix(" k")
        let currency: String
        let all = head + " " + rest
        if all.contains("€") || all.contains("eur") || all.contains("balle") {
            currency = "€"
        } else if all.contains("$") || all.contains("dollar") {
            currency = "$"
        } else if all.contains("£") || all.contains("pound") || all.contains("livre") {
            currency = "£"
        } else {
            return nil
        }
        return Amount(integer: groups.joined(), decimals: decimals, thousands: thousands, currency: currency,
                      beforeTax: flags.contains(.beforeTax), taxIncluded: flags.contains(.taxIncluded))
    }

    static func render(_ amount: Amount, _ language: TranslationLanguage) -> String {
        let separator = language == .english ? "," : " "
        var digits = Array(amount.integer)
        while digits.count > 1 && digits[0] == "0" { digits.removeFirst() }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 && digits.count >= 4 { grouped += separator }
            grouped.append(digit)
        }
        if !amount.decimals.isEmpty { grouped += (language == .english ? "." : ",") + amount.decimals }
        if amount.thousands { grouped += "k" }
        var result = language == .english ? amount.currency + grouped : grouped + (amount.thousands ? "" : " ") + amount.currency
        if amount.beforeTax { result += language == .english ? " excl. VAT" : " HT" }
        if amount.taxIncluded { result += language == .english ? " incl. VAT" : " TTC" }
        return result
    }
}
