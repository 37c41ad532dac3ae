#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import ParleyTone

extension MarketModel {
    /// Guidance for a deal without a price: what ``check(_:against:texts:)`` completes per message.
    struct Base: Sendable {
        var context: DealContext
        var language: ToneLanguage
        var guidance: MarketGuidance
        var group: Group
        var offset: Double
    }

    /// Guidance for a deal, and the check of a price when there is one.
    /// - Complexity: a few look-ups and binary searches; allocates the texts.
    func guidance(_ context: DealContext, price: PriceMention?, language: ToneLanguage, texts: NegotiationTexts) -> MarketGuidance? {
        guard let base = base(context, language: language, texts: texts) else { return nil }
        var guidance = base.guidance
        guidance.priceCheck = price.flatMap { check($0, against: base, texts: texts) }
        return guidance
    }

    /// The range, factors and texts for a deal context (the same for every message of a conversation).
    func base(_ context: DealContext, language: ToneLanguage, texts: NegotiationTexts) -> Base? {
        guard let (group, tier) = similarGroup(context) else { return nil }
        let offset = contextOffset(context)
        let low = exp(Self.quantile(group.signed, settings.rangeLowQuantile) + offset)
        let median = exp(Self.quantile(group.signed, 0.5) + offset)
        let high = exp(Self.quantile(group.signed, settings.rangeHighQuantile) + offset)
        let range = MoneyFormat.range(low, high, language)
        let summary = texts.text(tier.region ? "market.range.region" : "market.range.all", language, [("range", range)])

        // Factors that apply to this context, against a weekday, non-festival, off-season show.
        var applied: [MarketFactor] = []
        var reasons: [String] = []
        var total = 0.0
        let flags: [(MarketFactor.Kind, Bool)] = [
            (.weekend, context.weekday.map { settings.weekendDays.contains($0) } ?? false),
            (.festival, context.venueType.map { settings.festivalVenueTypes.contains($0) } ?? false),
            (.summer, context.month.map { settings.summerMonths.contains($0) } ?? false),
        ]
        for (index, (kind, on)) in flags.enumerated() where on {
            let effect = exp(coefficients[index]) - 1
            guard abs(effect) >= settings.factorMinEffect else { continue }
            applied.append(MarketFactor(kind: kind, effect: effect))
            reasons.append(texts.text(kind == .weekend ? "factor.weekend" : kind == .festival ? "factor.festival" : "factor.summer", language))
            total += coefficients[index]
        }
        if let capacity = context.capacity {
            // Against the typical room of the file.
            let doublings = log2(Double(max(1, capacity))) - featureMeans[3]
            let effect = exp(coefficients[3] * doublings) - 1
            if abs(effect) >= settings.factorMinEffect {
                applied.append(MarketFactor(kind: .capacityDoubling, effect: exp(coefficients[3]) - 1))
                reasons.append(texts.text("factor.capacity", language, [("capacity", MoneyFormat.integer(capacity, language))]))
                total += coefficients[3] * doublings
            }
        }
        let factorSummary =
            reasons.isEmpty
            ? nil
            : texts.text(
                "market.factors", language,
                [("pct", MoneyFormat.signedPercent(exp(total) - 1)), ("reasons", reasons.joined(separator: " + "))])

        let guidance = MarketGuidance(
            low: low, median: median, high: high, similarDeals: group.signed.count, matchedGenre: tier.genre,
            matchedCapacityBand: tier.band, matchedRegion: tier.region, factors: applied, summary: summary,
            factorSummary: factorSummary, priceCheck: nil)
        return Base(context: context, language: language, guidance: guidance, group: group, offset: offset)
    }

    /// A price against the market of a deal: deviation from the median, the closed share near it,
    /// and the warning past a threshold. Nil for a price in another currency or per hour or day.
    /// - Complexity: two binary searches; allocates the texts.
    func check(_ price: PriceMention, against base: Base, texts: NegotiationTexts) -> PriceCheck? {
        guard price.isEuros, price.basis != .hour, price.basis != .day else { return nil }
        let group = base.group
        let offset = base.offset
        let median = base.guidance.median
        let language = base.language
        let amount = price.tax == .taxIncluded ? price.midpoint / (1 + settings.vatRate) : price.midpoint
        let deviation = amount / median - 1
        let target = log(amount) - offset
        let width = log(1 + settings.nearTolerance)
        let window = (target - width)...(target + width)
        let signed = Self.count(group.signed, in: window)
        let near = signed + Self.count(group.other, in: window)
        var closedShare: Double?
        var closedSummary: String?
        if near >= settings.nearMinDeals {
            let share = Double(signed) / Double(near)
            closedShare = share
            closedSummary = texts.text("market.closed", language, [("pct", MoneyFormat.percent(share))])
        }
        var warning: String?
        if deviation <= -settings.warnBelow {
            warning = texts.text("warning.below", language, [("pct", MoneyFormat.percent(-deviation))])
        } else if deviation >= settings.warnAbove {
            warning = texts.text("warning.above", language, [("pct", MoneyFormat.percent(deviation))])
        }
        return PriceCheck(
            price: amount, deviation: deviation, dealsNearPrice: near, closedShare: closedShare,
            closedSummary: closedSummary, warning: warning)
    }
}
