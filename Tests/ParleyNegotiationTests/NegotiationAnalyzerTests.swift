import ParleyNegotiation
import ParleyText
import Testing

@Suite("Prices and proposals of one message")
struct NegotiationAnalyzerTests {
    let analyzer: NegotiationAnalyzer
    let segmenter: Segmenter

    init() { (analyzer, segmenter) = NegotiationFixtures.make() }

    func read(_ text: String, language: String? = nil) throws -> MessageReading {
        analyzer.read(try segmenter.read(text), language: language)
    }

    func price(_ text: String) throws -> PriceMention {
        let prices = try read(text).prices
        try #require(prices.count == 1, "\(text): \(prices)")
        return prices[0]
    }

    @Test("every written form of a single amount", arguments: [
        ("Notre cachet est de 2k€", 2000.0, "eur"),
        ("Le cachet : 2 000 € par date", 2000, "eur"),
        ("On peut faire 2000 euros HT", 2000, "eur"),
        ("We can offer $1,200 for the night", 1200, "usd"),
        ("Mon cachet est de 1,5 k€", 1500, "eur"),
        ("800 balles le set, ça te va ?", 800, "eur"),
        ("Our fee is £950", 950, "gbp"),
        ("€800 flat", 800, "eur"),
    ])
    func singleAmounts(text: String, value: Double, currency: String) throws {
        let found = try price(text)
        #expect(found.low == value && found.high == value, "\(text)")
        #expect(found.currency == currency, "\(text)")
        #expect(!found.isRange)
    }

    @Test func spansPointAtWhatWasTyped() throws {
        let text = "Bonjour ! Notre cachet est de 2 000 € HT par date."
        let message = try segmenter.read(text)
        let found = try #require(analyzer.read(message).prices.first)
        #expect(message.text(in: found.span) == "2 000 € HT")
        #expect(found.tax == .beforeTax)
        #expect(found.basis == .date)
    }

    @Test("ranges in French and English", arguments: [
        ("Artistes similaires : 2-4K€", 2000.0, 4000.0, "2-4K€"),
        ("Nous proposons entre 800 et 1 200 €", 800, 1200, "800 et 1 200 €"),
        ("We can pay between $1,000 and $1,500", 1000, 1500, "$1,000 and $1,500"),
        ("Ce serait 1500 à 2000 euros selon la formule", 1500, 2000, "1500 à 2000 euros"),
        ("Budget 1 500–2 000 € TTC", 1500, 2000, "1 500–2 000 € TTC"),
    ])
    func ranges(text: String, low: Double, high: Double, covered: String) throws {
        let message = try segmenter.read(text)
        let prices = analyzer.read(message).prices
        try #require(prices.count == 1, "\(text): \(prices)")
        #expect(prices[0].low == low && prices[0].high == high)
        #expect(prices[0].isRange)
        #expect(message.text(in: prices[0].span) == covered)
    }

    @Test func andJoinsARangeOnlyAfterBetween() throws {
        // Two separate fees, not a range: "et" without "entre".
        let prices = try read("Le duo c'est 800 € et le quartet 1 600 €").prices
        #expect(prices.map(\.low) == [800, 1600])
        #expect(prices.allSatisfy { !$0.isRange })
    }

    @Test("basis, tax and approximation", arguments: [
        ("300 €/h", PriceBasis.hour),
        ("2 000€/set", .set),
        ("1 200 € le set", .set),
        ("1 500 € par concert", .date),
        ("A flat fee: $2,000 all-in", .flat),
        ("forfait de 1 800 € pour la soirée", .flat),
        ("$400 per hour", .hour),
        ("1 000 € la journée", .day),
    ])
    func basis(text: String, basis: PriceBasis) throws {
        #expect(try price(text).basis == basis, "\(text)")
    }

    @Test func taxMarksAndApproximation() throws {
        #expect(try price("1 500 € TTC").tax == .taxIncluded)
        #expect(try price("1 500 € HT").tax == .beforeTax)
        #expect(try price("environ 1 500 €").approximate)
        #expect(try price("around $1,000").approximate)
        #expect(try !price("1 500 €").approximate)
    }

    @Test func bareNumbersNeedAFeeWord() throws {
        let fee = try price("Notre budget est de 1500 pour la soirée")
        #expect(fee.low == 1500 && fee.fromBareNumber && fee.currency == nil)
        #expect(try price("cachet de 1.5K").low == 1500)
        #expect(try read("On a 150 personnes et 2 sets de 45 min").prices.isEmpty)
        #expect(try read("Le concert est le 14 mars à 20h30").prices.isEmpty)
        #expect(try read("Budget: 150 personnes").prices.isEmpty)
    }

    @Test func extrasAndWhoPays() throws {
        let reading = try read("2 000 € HT + défraiement, repas et hébergement compris")
        let terms = Dictionary(uniqueKeysWithValues: reading.extras.map { ($0.kind, $0.terms) })
        #expect(terms[.travel] == .onTop)
        #expect(terms[.meals] == .included)
        #expect(terms[.accommodation] == .included)
        let english = try read("$1,500 plus travel, hotel included")
        let englishTerms = Dictionary(uniqueKeysWithValues: english.extras.map { ($0.kind, $0.terms) })
        #expect(englishTerms[.travel] == .onTop)
        #expect(englishTerms[.accommodation] == .included)
    }

    @Test("who proposes what", arguments: [
        ("Quel est votre cachet habituel ?", ProposalKind.question),
        ("What's your fee for a 90-minute set?", .question),
        ("Nous proposons 1 200 € pour la date", .offer),
        ("We can offer €900", .offer),
        ("Ok pour 1 500 €, c'est validé", .acceptance),
        ("Sounds good, it's a deal!", .acceptance),
        ("Pas d'accord, c'est trop cher pour nous", .refusal),
        ("Unfortunately that's over our budget", .refusal),
        ("Trop cher, on peut descendre à 1 300 € ?", .counterOffer),
        ("How about $1,100 instead?", .counterOffer),
        ("Nous ne donnerons pas suite, merci", .withdrawal),
        ("We'll pass on this one", .withdrawal),
        ("Salut, tu joues où ce week-end ?", .none),
    ])
    func proposals(text: String, kind: ProposalKind) throws {
        #expect(try read(text).proposal == kind, "\(text)")
    }

    @Test func languageIsGuessedOrGiven() throws {
        #expect(try read("Nous proposons 1 200 € pour la date").language == .fr)
        #expect(try read("We can offer $1,200 for the show").language == .en)
        #expect(try read("1 200 €", language: "en").language == .en)
    }

    @Test func topicsAreNamedNotBasis() throws {
        let reading = try read("Pour le rider technique et les balances, on voit avec l'ingé son")
        #expect(reading.mentions(.rider))
        #expect(reading.mentions(.soundcheck))
        #expect(!reading.mentions(.contract))
        // "par date" is how the price is counted, not a date being discussed.
        #expect(try !read("2 000 € par date").mentions(.date))
        #expect(try read("Contrat signé, on vous le renvoie").topics.contains { $0.topic == .contract && $0.settles })
    }
}

@Suite("Amounts written in words")
struct SpelledAmountTests {
    let analyzer: NegotiationAnalyzer
    let segmenter: Segmenter

    init() { (analyzer, segmenter) = NegotiationFixtures.make() }

    @Test("French and English number words", arguments: [
        ("On peut vous proposer mille cinq cents euros", 1500.0, "eur"),
        ("Notre cachet : deux mille euros par date", 2000, "eur"),
        ("quinze cents balles pour la soirée", 1500, "eur"),
        ("Budget de quatre-vingt-dix euros par musicien", 90, "eur"),
        ("We can pay two thousand five hundred dollars", 2500, "usd"),
        ("Our fee is fifteen hundred pounds", 1500, "gbp"),
        ("cachet de deux cent cinquante euros", 250, "eur"),
    ])
    func spelled(text: String, value: Double, currency: String) throws {
        let message = try segmenter.read(text)
        let prices = analyzer.read(message).prices
        try #require(prices.count == 1, "\(text): \(prices)")
        #expect(prices[0].low == value, "\(text)")
        #expect(prices[0].currency == currency, "\(text)")
    }

    @Test func wordsAloneAreNotPrices() throws {
        #expect(try analyzer.read(try segmenter.read("On sera cinq sur scène, deux sets de quarante-cinq minutes")).prices.isEmpty)
        #expect(try analyzer.read(try segmenter.read("Un grand merci pour hier soir")).prices.isEmpty)
        let range = try analyzer.read(try segmenter.read("entre mille et deux mille euros")).prices
        #expect(range.count == 1 && range.first?.low == 1000 && range.first?.high == 2000)
    }
}
