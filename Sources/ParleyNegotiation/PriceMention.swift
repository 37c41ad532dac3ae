import ParleyText

/// The unit a price is for.
public enum PriceBasis: String, Hashable, Sendable, Codable, CaseIterable {
    case unspecified
    /// Per set ("par set", "le set", "per set", "/set").
    case set
    /// Per hour ("300 €/h", "per hour").
    case hour
    /// Per day ("par jour", "a day").
    case day
    /// Per date: one show, one night ("par date", "per gig").
    case date
    /// A flat fee for the whole engagement ("forfait", "all-in").
    case flat
}

/// Whether a price is before tax or tax included, as written.
public enum TaxMark: String, Hashable, Sendable, Codable {
    case unspecified
    /// `HT`, `hors taxes`, `excl. VAT`.
    case beforeTax
    /// `TTC`, `incl. VAT`.
    case taxIncluded
}

/// A price found in a message: one amount or a range, with its currency, basis and tax mark.
public struct PriceMention: Hashable, Sendable, Codable {
    /// Where the price is in the original text (both ends of a range, with the words between).
    public var span: TextSpan
    /// The amount, or the low end of a range.
    public var low: Double
    /// The amount again, or the high end of a range.
    public var high: Double
    /// ISO-like lower-case currency code as the segmenter folds it (`eur`, `usd`, `gbp`); nil for a
    /// bare number read as a fee from its context ("cachet de 1500").
    public var currency: String?
    public var basis: PriceBasis
    public var tax: TaxMark
    /// Written as approximate ("environ 1 500 €", "around $1,000").
    public var approximate: Bool
    /// A bare number, taken for a fee because of the words around it.
    public var fromBareNumber: Bool

    public init(
        span: TextSpan, low: Double, high: Double, currency: String?, basis: PriceBasis = .unspecified,
        tax: TaxMark = .unspecified, approximate: Bool = false, fromBareNumber: Bool = false
    ) {
        self.span = span
        self.low = low
        self.high = high
        self.currency = currency
        self.basis = basis
        self.tax = tax
        self.approximate = approximate
        self.fromBareNumber = fromBareNumber
    }

    /// Whether the price is a range ("2–4 K€").
    public var isRange: Bool { high > low }

    /// The middle of the range (the amount itself for one amount).
    public var midpoint: Double { (low + high) / 2 }

    /// Whether the price is in euros (a bare number counts as euros: Flow Stage is a French platform).
    public var isEuros: Bool { currency == nil || currency == "eur" }
}

/// A cost beside the fee: travel, meals, accommodation, backline.
public struct ExtraCost: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case travel, meals, accommodation, backline
    }

    /// Whether the extra is in the fee, on top of it, or only named.
    public enum Terms: String, Hashable, Sendable, Codable {
        /// "hébergement compris", "meals included".
        case included
        /// "+ défraiement", "transport en sus", "plus travel".
        case onTop
        /// Named without saying who pays.
        case mentioned
    }

    public var kind: Kind
    public var terms: Terms
    public var span: TextSpan

    public init(kind: Kind, terms: Terms, span: TextSpan) {
        self.kind = kind
        self.terms = terms
        self.span = span
    }
}
