/// A contextual factor measured from the deals file: how much a weekend night, a festival, the
/// summer season or a bigger room moves fees, all else equal.
public struct MarketFactor: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Friday and Saturday nights (settings `weekend.days`) against other nights.
        case weekend
        /// Festivals (settings `festival.venue-types`) against other venues.
        case festival
        /// Summer months (settings `summer.months`) against the rest of the year.
        case summer
        /// Twice the capacity.
        case capacityDoubling
    }

    public var kind: Kind
    /// Relative change of the fee: 0.18 means +18 %.
    public var effect: Double

    public init(kind: Kind, effect: Double) {
        self.kind = kind
        self.effect = effect
    }
}

/// How a price compares with similar past deals.
public struct PriceCheck: Hashable, Sendable, Codable {
    /// The price compared, in euros before tax (a range's midpoint; TTC brought back before tax).
    public var price: Double
    /// `price / median - 1`: -0.4 is 40 % below the market.
    public var deviation: Double
    /// Similar deals (any outcome) within the settings' tolerance of the price.
    public var dealsNearPrice: Int
    /// Share of those deals that were signed; nil when too few to say.
    public var closedShare: Double?
    /// "95 % des deals similaires conclus à ce tarif"; nil with ``closedShare``.
    public var closedSummary: String?
    /// "Prix 40 % sous le marché, êtes-vous sûr ?" when past a threshold of the settings.
    public var warning: String?
}

/// What the market says about a deal: the fee range of similar deals, the factors that apply, and
/// how a price compares.
public struct MarketGuidance: Hashable, Sendable, Codable {
    /// Fees of similar deals at the settings' low quantile, median and high quantile, in euros
    /// before tax, adjusted to the deal's context (weekday, venue type, month, capacity).
    public var low: Double
    public var median: Double
    public var high: Double
    /// Signed deals the range comes from.
    public var similarDeals: Int
    /// Which parts of the context the similar deals share (relaxed when too few deals matched).
    public var matchedGenre: Bool
    public var matchedCapacityBand: Bool
    public var matchedRegion: Bool
    /// The measured factors that apply to this deal's context.
    public var factors: [MarketFactor]
    /// "Artistes similaires facturent 2–4 K€ dans cette région".
    public var summary: String
    /// "Prix +20 % car week-end + festival"; nil when no factor applies.
    public var factorSummary: String?
    /// The message's price against the market, when it has one in euros for a show, set or flat fee.
    public var priceCheck: PriceCheck?
}
