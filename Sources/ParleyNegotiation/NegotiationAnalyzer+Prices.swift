import ParleyText

extension NegotiationAnalyzer {
    /// Prices of a message: amounts the segmenter typed, ranges joined by a dash or a range word,
    /// bare numbers with a fee word before them; then each price's basis and approximation.
    /// - Complexity: O(units + cue matches × prices); allocates the result only.
    func extractPrices(_ message: Message) -> [PriceMention] {
        collectAtoms(message)
        guard !atoms.isEmpty else { return [] }
        let units = message.folded.units
        let settings = resources.settings
        var prices: [PriceMention] = []
        var index = 0
        while index < atoms.count {
            let a = atoms[index]
            if index + 1 < atoms.count, a.isAmount || atoms[index + 1].isAmount, var range = joinedRange(message, a, atoms[index + 1]) {
                complete(&range, message, first: a.unit, last: atoms[index + 1].lastUnit)
                prices.append(range)
                index += 2
                continue
            }
            index += 1
            if a.isAmount {
                var price = PriceMention(span: units[a.unit].span, low: a.value, high: a.value, currency: a.currency, tax: a.tax)
                complete(&price, message, first: a.unit, last: a.lastUnit)
                prices.append(price)
                continue
            }
            // A bare number is a fee only with a fee word (or a proposal) just before it, nothing
            // after it that counts something else, and a plausible size.
            guard a.value >= settings.bareNumberMin, a.value <= settings.bareNumberMax else { continue }
            var feeWord = false
            var notFee = false
            for match in matches {
                switch match.cue {
                case .fee, .proposal(.offer), .proposal(.counterOffer), .proposal(.acceptance):
                    if match.end <= a.unit && match.end + settings.bareNumberWindow >= a.unit { feeWord = true }
                case .notFee:
                    if match.start == a.lastUnit + 1 { notFee = true }
                default: break
                }
            }
            guard feeWord, !notFee, !Self.countsSomethingElse(message, after: a.unit) else { continue }
            var price = PriceMention(span: units[a.unit].span, low: a.value, high: a.value, currency: nil, fromBareNumber: true)
            complete(&price, message, first: a.unit, last: a.lastUnit)
            prices.append(price)
        }
        return prices
    }

    /// Two atoms read as one range: "2-4K€", "1500 à 2000 euros", "entre 800 et 1 200 €",
    /// "between $1,000 and $1,500".
    private func joinedRange(_ message: Message, _ a: Atom, _ b: Atom) -> PriceMention? {
        var joined = false
        if b.unit == a.lastUnit + 1 {
            joined = Self.hasDash(gap(message, before: b.unit))
        } else if b.unit == a.lastUnit + 2 {
            for match in matches where match.start == a.lastUnit + 1 && match.end == b.unit {
                if case .rangeJoin = match.cue { joined = true }
                if case .rangeAnd = match.cue, matches.contains(where: { $0.end == a.unit && $0.cue == .rangeStart }) { joined = true }
            }
        }
        guard joined else { return nil }
        var low = a.value
        if !a.isAmount && b.multiplier && low < 1000 && low * 1000 <= b.value { low *= 1000 }  // "2-4K€"
        guard low < b.value else { return nil }
        let units = message.folded.units
        return PriceMention(
            span: units[a.unit].span.union(units[b.lastUnit].span), low: low, high: b.value, currency: b.currency ?? a.currency,
            tax: b.tax != .unspecified ? b.tax : a.tax)
    }

    /// Basis ("par set", "/h", "forfait"), approximation ("environ"), and the span it all covers.
    private func complete(_ price: inout PriceMention, _ message: Message, first: Int, last: Int) {
        var basisDistance = Int.max
        var flatBefore = false
        for match in matches {
            switch match.cue {
            case .basis(let basis):
                let distance = match.start - last
                let single = match.end - match.start == 1
                if distance == 1 || distance == 2 {
                    // A one-word basis right after the price needs a slash ("300 €/h", "2 000 €/set"),
                    // except a flat fee ("1 500 € forfait").
                    if single && !(distance == 1 && (basis == .flat || gap(message, before: match.start).contains(UInt8(ascii: "/")))) { continue }
                    if distance < basisDistance {
                        basisDistance = distance
                        price.basis = basis
                    }
                } else if basis == .flat && match.end <= first && match.end + 1 >= first {
                    flatBefore = true
                }
            case .approximate:
                if match.end <= first && match.end + 1 >= first { price.approximate = true }
            default:
                break
            }
        }
        // "forfait de 1 800 € pour la soirée": the flat fee is for the evening.
        if flatBefore { price.basis = .flat }
    }

    /// Numbers and amounts of the folded view, with their tax marks and currencies.
    private func collectAtoms(_ message: Message) {
        atoms.removeAll(keepingCapacity: true)
        let units = message.folded.units
        let bytes = message.folded.bytes
        markSpelledNumbers(units.count)
        var index = 0
        while index < units.count {
            let unit = units[index]
            defer { index += 1 }
            if spelled[index] > 0 || spelled[index] == Self.spelledHundred || spelled[index] == Self.spelledThousand {
                index = spelledNumber(from: index) - 1
                continue
            }
            guard unit.kind == .amount || unit.kind == .number else { continue }
            guard let (value, suffix) = Self.parseNumber(bytes[unit.folded]) else { continue }
            if unit.kind == .number {
                // "2500", "1.5k", "2k": digits with an optional thousands multiplier, nothing else.
                guard suffix.isEmpty || suffix.elementsEqual("k".utf8) else { continue }
                let multiplied = suffix.isEmpty ? value : value * 1000
                atoms.append(Atom(unit: index, lastUnit: index, value: multiplied, currency: nil, tax: .unspecified, multiplier: !suffix.isEmpty, isAmount: false))
                continue
            }
            let token = message.tokens[unit.tokens.lowerBound]
            var last = index
            if index + 1 < units.count, units[index + 1].kind == .amount, units[index + 1].tokens == unit.tokens { last = index + 1 }  // the "ht"/"ttc" unit
            let tax: TaxMark = token.flags.contains(.beforeTax) ? .beforeTax : token.flags.contains(.taxIncluded) ? .taxIncluded : .unspecified
            var multiplier = false
            var seenDigit = false
            for b in message.original[token.span.utf8] {
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { seenDigit = true }
                if seenDigit && (b == UInt8(ascii: "k") || b == UInt8(ascii: "K") || b == UInt8(ascii: "M")) { multiplier = true }
            }
            atoms.append(
                Atom(unit: index, lastUnit: last, value: value, currency: suffix.isEmpty ? nil : String(decoding: suffix, as: UTF8.self),
                     tax: tax, multiplier: multiplier, isAmount: true))
            index = last
        }
    }

    static let spelledHundred: Int32 = -1
    static let spelledThousand: Int32 = -2
    static let spelledJoiner: Int32 = -3

    /// For each unit: its number word's value + 1, a multiplier, a joiner ("et", "and"), or 0.
    private func markSpelledNumbers(_ count: Int) {
        spelled.removeAll(keepingCapacity: true)
        spelled.append(contentsOf: repeatElement(0, count: count))
        for match in matches where match.end - match.start == 1 {
            switch match.cue {
            case .numberWord(let value): spelled[match.start] = Int32(value + 1)
            case .hundred: spelled[match.start] = Self.spelledHundred
            case .thousand: spelled[match.start] = Self.spelledThousand
            case .rangeAnd: spelled[match.start] = Self.spelledJoiner
            default: break
            }
        }
    }

    /// Reads a number written in words from `start` ("deux mille cinq cents", "quatre-vingt-dix",
    /// "fifteen hundred", "two thousand five hundred and fifty") and records it as an atom: an
    /// amount when a currency word follows, else a bare number. Returns the first unit after it.
    private func spelledNumber(from start: Int) -> Int {
        var total = 0
        var current = 0
        var lastValue = 0
        var index = start
        while index < spelled.count {
            let code = spelled[index]
            if code > 0 {
                let value = Int(code) - 1
                if value == 20 && lastValue > 1 && lastValue < 10 && current % 100 == lastValue {
                    current += lastValue * 19  // quatre-vingt: 4 × 20
                } else {
                    current += value
                }
                lastValue = value
            } else if code == Self.spelledHundred {
                current = (current == 0 ? 1 : current) * 100
                lastValue = 100
            } else if code == Self.spelledThousand {
                total += (current == 0 ? 1 : current) * 1000
                current = 0
                lastValue = 1000
            } else if code == Self.spelledJoiner, index + 1 < spelled.count, spelled[index + 1] > 0,
                lastValue >= 20, lastValue % 10 == 0, lastValue < 1000
            {
                // "vingt et un", "two hundred and fifty"; not "mille et deux mille" (a range).
                lastValue = 0
            } else {
                break
            }
            index += 1
        }
        let value = Double(total + current)
        guard value > 0 else { return max(index, start + 1) }
        var currency: String?
        for match in matches where match.start == index {
            if case .currencyWord(let code) = match.cue { currency = code }
        }
        atoms.append(
            Atom(unit: start, lastUnit: currency == nil ? index - 1 : index, value: value, currency: currency, tax: .unspecified,
                 multiplier: false, isAmount: currency != nil))
        return currency == nil ? index : index + 1
    }

    /// A bare number followed by `%` or `/` is a share ("70/30", "100%"), not a fee.
    private static func countsSomethingElse(_ message: Message, after unit: Int) -> Bool {
        let end = message.folded.units[unit].span.utf8.upperBound
        var i = end
        while i < message.original.count && message.original[i] == UInt8(ascii: " ") { i += 1 }
        guard i < message.original.count else { return false }
        return message.original[i] == UInt8(ascii: "%") || message.original[i] == UInt8(ascii: "/")
    }

    /// Leading digits with an optional decimal part, and the letters after them ("1500eur" → 1500, "eur").
    static func parseNumber(_ bytes: ArraySlice<UInt8>) -> (Double, ArraySlice<UInt8>)? {
        var value = 0.0
        var i = bytes.startIndex
        var digits = 0
        while i < bytes.endIndex, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            value = value * 10 + Double(bytes[i] - UInt8(ascii: "0"))
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        if i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "."), bytes[i + 1] >= UInt8(ascii: "0"), bytes[i + 1] <= UInt8(ascii: "9") {
            i += 1
            var scale = 0.1
            while i < bytes.endIndex, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                value += Double(bytes[i] - UInt8(ascii: "0")) * scale
                scale /= 10
                i += 1
            }
        }
        let suffix = bytes[i...]
        guard suffix.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
        return (value, suffix)
    }
}
