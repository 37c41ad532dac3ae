import ParleyNegotiation
import ParleyTesting
import ParleyText
import Testing

@Suite("Market guidance from the deals file")
struct MarketGuidanceTests {
    let analyzer: NegotiationAnalyzer
    let segmenter: Segmenter

    init() { (analyzer, segmenter) = NegotiationFixtures.make() }

    let jazzParisSaturday = DealContext(genre: "jazz", venueType: "club", capacity: 300, region: "ile-de-france", weekday: 6, month: 7)

    @Test func factorsAreMeasuredFromTheSample() throws {
        // The generator's premiums (Scripts/negotiation/generate-sample-deals.py): +18 % weekend,
        // +22 % festival, +8 % summer, capacity exponent 0.42 (+34 % per doubling). The engine does
        // not know them: it must find them in the rows, within sampling noise.
        let factors = Dictionary(uniqueKeysWithValues: NegotiationFixtures.resources.measuredFactors.map { ($0.kind, $0.effect) })
        #expect(abs(factors[.weekend]! - 0.18) < 0.05)
        #expect(abs(factors[.festival]! - 0.22) < 0.07)
        #expect(abs(factors[.summer]! - 0.08) < 0.05)
        #expect(abs(factors[.capacityDoubling]! - 0.338) < 0.05)
        #expect(NegotiationFixtures.resources.dealCount == 4000)
    }

    @Test func factorsFollowTheDataNotTheCode() throws {
        // A file where weekend nights pay exactly 1.5× and nothing else varies.
        var rows = ["genre,venue_type,capacity,region,weekday,month,fee,outcome"]
        for index in 0..<40 {
            let weekend = index % 2 == 0
            rows.append("rock,club,200,bretagne,\(weekend ? 6 : 2),3,\(weekend ? 1500 : 1000),signed")
        }
        let path = try TemporaryFiles.write(rows.joined(separator: "\n"), name: "weekend.csv")
        let resources = try NegotiationResources.load(
            lexiconsDirectory: Fixtures.lexiconsDirectory, dealsPath: path, textResources: Fixtures.textResources)
        let weekend = try #require(resources.measuredFactors.first { $0.kind == .weekend })
        #expect(abs(weekend.effect - 0.5) < 1e-6)
        let analyzer = NegotiationAnalyzer(resources: resources)
        let saturday = try #require(analyzer.guidance(for: DealContext(genre: "rock", capacity: 200, region: "bretagne", weekday: 6)))
        #expect(abs(saturday.median - 1500) < 1e-6)
        let tuesday = try #require(analyzer.guidance(for: DealContext(genre: "rock", capacity: 200, region: "bretagne", weekday: 2)))
        #expect(abs(tuesday.median - 1000) < 1e-6)
        #expect(saturday.factorSummary == "Prix +50 % car week-end")
        #expect(tuesday.factorSummary == nil)
    }

    @Test func aRangeForSimilarArtistsInTheRegion() throws {
        let guidance = try #require(analyzer.guidance(for: jazzParisSaturday, language: .fr))
        #expect(guidance.low < guidance.median && guidance.median < guidance.high)
        #expect(guidance.matchedGenre && guidance.matchedRegion)
        #expect(guidance.similarDeals >= NegotiationFixtures.resources.settings.similarMinDeals)
        #expect(guidance.summary.hasPrefix("Artistes similaires facturent "))
        #expect(guidance.summary.hasSuffix(" K€ dans cette région"))
        let factorKinds = guidance.factors.map(\.kind)
        #expect(factorKinds.contains(.weekend) && factorKinds.contains(.summer) && !factorKinds.contains(.festival))
        #expect(guidance.factorSummary?.hasPrefix("Prix +") == true)
        #expect(guidance.factorSummary?.contains("week-end") == true)
        let english = try #require(analyzer.guidance(for: jazzParisSaturday, language: .en))
        #expect(english.summary.hasPrefix("Similar artists charge €"))
        #expect(english.summary.hasSuffix("K in this region"))
    }

    @Test func aFestivalPaysMoreThanAClubOfTheSameSize() throws {
        let club = try #require(analyzer.guidance(for: DealContext(genre: "rock", venueType: "club", capacity: 1000, region: "occitanie", weekday: 6, month: 7)))
        let festival = try #require(analyzer.guidance(for: DealContext(genre: "rock", venueType: "festival", capacity: 1000, region: "occitanie", weekday: 6, month: 7)))
        #expect(festival.median > club.median * 1.1)
        #expect(festival.factors.contains { $0.kind == .festival })
    }

    @Test func theMatchRelaxesWhenTooFewDealsAreSimilar() throws {
        let unknownRegion = try #require(analyzer.guidance(for: DealContext(genre: "jazz", capacity: 300, region: "atlantis")))
        #expect(!unknownRegion.matchedRegion)
        #expect(unknownRegion.summary.hasSuffix("en France"))
        let unknownGenre = try #require(analyzer.guidance(for: DealContext(genre: "kazoo-core")))
        #expect(!unknownGenre.matchedGenre)
        #expect(unknownGenre.similarDeals >= NegotiationFixtures.resources.settings.similarMinDeals)
        // A genre of a known family with no deal of its own matches its family ("manouche" is jazz).
        let family = try #require(analyzer.guidance(for: DealContext(genre: "manouche", capacity: 300)))
        #expect(family.matchedGenre)
    }

    @Test func aPriceFarBelowTheMarketIsFlagged() throws {
        let median = try #require(analyzer.guidance(for: jazzParisSaturday)).median
        let low = PriceMention(span: TextSpan(utf8: 0..<1, utf16: 0..<1), low: median * 0.6, high: median * 0.6, currency: "eur")
        let check = try #require(analyzer.guidance(for: jazzParisSaturday, price: low, language: .fr)?.priceCheck)
        #expect(abs(check.deviation + 0.4) < 1e-9)
        #expect(check.warning == "Prix 40 % sous le marché, êtes-vous sûr ?")
        let english = try #require(analyzer.guidance(for: jazzParisSaturday, price: low, language: .en)?.priceCheck)
        #expect(english.warning == "Price 40% below market — are you sure?")
        let fair = PriceMention(span: low.span, low: median, high: median, currency: "eur")
        let fairCheck = try #require(analyzer.guidance(for: jazzParisSaturday, price: fair)?.priceCheck)
        #expect(fairCheck.warning == nil)
        let share = try #require(fairCheck.closedShare)
        #expect(fairCheck.closedSummary == "\(Int((share * 100).rounded())) % des deals similaires conclus à ce tarif")
        // Asking twice the going rate closes less often than asking the going rate.
        let greedy = PriceMention(span: low.span, low: median * 1.8, high: median * 1.8, currency: "eur")
        let greedyCheck = try #require(analyzer.guidance(for: jazzParisSaturday, price: greedy)?.priceCheck)
        #expect(greedyCheck.warning == "Prix 80 % au-dessus du marché : attendez-vous à négocier")
        if let greedyShare = greedyCheck.closedShare { #expect(greedyShare < share) }
    }

    @Test func onlyEuroShowFeesAreCompared() throws {
        let span = TextSpan(utf8: 0..<1, utf16: 0..<1)
        let hourly = PriceMention(span: span, low: 100, high: 100, currency: "eur", basis: .hour)
        #expect(analyzer.guidance(for: jazzParisSaturday, price: hourly)?.priceCheck == nil)
        let dollars = PriceMention(span: span, low: 100, high: 100, currency: "usd")
        #expect(analyzer.guidance(for: jazzParisSaturday, price: dollars)?.priceCheck == nil)
        let median = try #require(analyzer.guidance(for: jazzParisSaturday)).median
        let taxIncluded = PriceMention(span: span, low: median * 1.055, high: median * 1.055, currency: "eur", tax: .taxIncluded)
        let check = try #require(analyzer.guidance(for: jazzParisSaturday, price: taxIncluded)?.priceCheck)
        #expect(abs(check.deviation) < 1e-9)
    }

    @Test func theViewOfOneMessage() throws {
        let message = try segmenter.read("Nous proposons 900 € pour la soirée, repas compris")
        let view = analyzer.analyze(message, side: "venue", context: NegotiationContext(deal: jazzParisSaturday))
        #expect(view.reading.proposal == .offer)
        #expect(view.reading.prices.first?.low == 900)
        #expect(view.guidance?.priceCheck != nil)
        #expect(view.warnings.count == 1)
        #expect(view.warnings.first?.hasPrefix("Prix ") == true)
        #expect(view.warnings.first?.hasSuffix(" % sous le marché, êtes-vous sûr ?") == true)
        #expect(view.checklist.stage == .negotiation)
        let without = analyzer.analyze(message, side: "venue", context: NegotiationContext())
        #expect(without.guidance == nil && without.warnings.isEmpty)
    }
}
