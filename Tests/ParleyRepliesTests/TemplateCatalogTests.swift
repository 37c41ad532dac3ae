import ParleyModeration
import ParleyReplies
import ParleyTesting
import ParleyText
import Testing

@Suite struct TemplateCatalogTests {
    let catalog = RepliesFixtures.resources.templates
    let segmenter = Fixtures.segmenter()

    /// The spec's acceptance criterion: five first-message templates per kind of sender, in both languages.
    @Test(arguments: ReplyLanguage.allCases)
    func fiveFirstContactTemplatesPerDirection(_ language: ReplyLanguage) {
        for direction in Template.Direction.allCases where direction != .any {
            let templates = catalog.templates.filter {
                $0.language == language && $0.stage == .firstContact && $0.direction == direction && $0.genre == nil
            }
            #expect(templates.count >= 5, "\(language) \(direction)")
        }
    }

    @Test(arguments: ReplyLanguage.allCases)
    func genreStylesFollowUpsAndNegotiationAreCovered(_ language: ReplyLanguage) {
        let mine = catalog.templates.filter { $0.language == language }
        for style in ["jazz", "rock-metal", "electro", "classique", "world"] {
            #expect(mine.contains { $0.genre == style }, "\(language) \(style)")
        }
        for kind in ["soft-reminder", "urgency", "value", "alternative"] {
            #expect(mine.contains { $0.stage == .followUp && $0.kind == kind }, "\(language) \(kind)")
        }
        for kind in ["price", "dates", "rider", "contract"] {
            #expect(mine.contains { $0.stage == .negotiation && $0.kind == kind }, "\(language) \(kind)")
        }
    }

    @Test func everyTemplateHasBothLanguages() {
        for template in catalog.templates {
            #expect(catalog.template(id: template.id, language: template.language.other) != nil, "\(template.id)")
        }
    }

    @Test func selectionPrefersTheGenreStyleAndNeverAnotherStyle() throws {
        let query = TemplateQuery(language: .fr, stage: .firstContact, direction: .artistToVenue, genre: "Hard Rock")
        let selected = catalog.select(query, folding: segmenter)
        #expect(selected.first?.id == "first-contact/artist-venue/style-rock-metal")
        #expect(!selected.contains { $0.genre != nil && $0.genre != "rock-metal" })
        #expect(selected.allSatisfy { $0.direction == .artistToVenue })
        let accents = catalog.select(TemplateQuery(language: .en, stage: .firstContact, genre: "Électro"), folding: segmenter)
        #expect(accents.first?.genre == "electro")
        let unknown = catalog.select(TemplateQuery(language: .fr, stage: .firstContact, genre: "polka expérimentale"), folding: segmenter)
        #expect(!unknown.isEmpty)
        #expect(unknown.allSatisfy { $0.genre == nil })
    }

    @Test func selectionFollowsTheRegisterAndTheStage() {
        let tu = catalog.select(TemplateQuery(language: .fr, stage: .firstContact, direction: .artistToVenue, register: .tu), folding: segmenter)
        #expect(tu.first?.register == .tu)
        let vous = catalog.select(TemplateQuery(language: .fr, stage: .firstContact, direction: .artistToVenue, register: .vous), folding: segmenter)
        #expect(vous.first?.register == .vous)
        #expect(vous.last?.register == .tu)
        let followUps = catalog.select(TemplateQuery(language: .en, stage: .followUp, kind: "urgency"), folding: segmenter)
        #expect(followUps.map(\.id) == ["follow-up/urgency"])
    }

    @Test func renderingFillsTheSpecTemplateAndLeavesUnknownsVisible() throws {
        let template = try #require(catalog.template(id: "first-contact/venue-artist/presentation", language: .fr))
        let values = try PlaceholderValues(catalog: RepliesFixtures.resources.placeholders, [
            "artist": "Nina Kali", "venue": "Le Périscope", "venue_type": "salle de concert", "capacity": "350", "city": "Lyon",
            "genre": "jazz", "period": "l'automne",
        ])
        let rendering = try catalog.render(template, values: values, tier: .standard, limits: RepliesFixtures.resources.limits(.standard), segmenter: segmenter)
        #expect(rendering.text.hasPrefix("Bonjour Nina Kali,\n\nNous sommes Le Périscope, salle de concert de 350 places à Lyon."))
        #expect(rendering.text.contains("Nous recherchons des artistes jazz pour l'automne."))
        #expect(rendering.text.contains("Budget envisagé : [FOURCHETTE_BUDGET]"))
        #expect(rendering.unfilled == ["FOURCHETTE_BUDGET", "LIEN_PROFIL_LIEU", "SIGNATURE_LIEU"])
        #expect(rendering.length.fits)
        #expect(rendering.length.hookGraphemes == "Bonjour Nina Kali,".count)
        #expect(rendering.cuts.isEmpty)
    }

    /// The tiers' limits are the ones moderation enforces (rules.yaml): 300/1000, 500/2000, unlimited.
    @Test func tierLimitsComeFromModerationPolicy() {
        let resources = RepliesFixtures.resources
        #expect(resources.limits(.standard) == TierLimits(hook: 300, full: 1000))
        #expect(resources.limits(.superLike) == TierLimits(hook: 500, full: 2000))
        #expect(resources.limits(.bookerPro) == TierLimits(hook: nil, full: nil))
    }

    @Test func anOverLongRenderSaysWhatToCut() throws {
        let template = try #require(catalog.template(id: "first-contact/artist-venue/presentation", language: .fr))
        let resources = RepliesFixtures.resources
        // A long placeholder value: shortening it is the advice, by exactly the overflow.
        var values = PlaceholderValues.samples(resources.placeholders, language: .fr)
        let long = String(repeating: "les week-ends de septembre, ", count: 30)
        values.set("PERIODE_DISPO", long)
        let standard = try catalog.render(template, values: values, tier: .standard, limits: resources.limits(.standard), segmenter: segmenter)
        #expect(!standard.length.fits)
        #expect(standard.length.overBy == standard.length.graphemes - 1000)
        #expect(standard.cuts == [.init(part: .placeholder("PERIODE_DISPO"), graphemes: long.count, by: standard.length.overBy)])
        // The same message fits a super like's 2 000 and a booker pro's unlimited message.
        let superLike = try catalog.render(template, values: values, tier: .superLike, limits: resources.limits(.superLike), segmenter: segmenter)
        #expect(superLike.length.fits)
        let pro = try catalog.render(template, values: values, tier: .bookerPro, limits: resources.limits(.bookerPro), segmenter: segmenter)
        #expect(pro.length.fits && pro.cuts.isEmpty)
        // A long first line is over the hook limit.
        values.set("NOM_LIEU", String(repeating: "Périscope ", count: 40))
        let hook = try catalog.render(template, values: values, tier: .standard, limits: resources.limits(.standard), segmenter: segmenter)
        #expect(hook.length.hookOverBy == hook.length.hookGraphemes - 300)
        #expect(hook.cuts.first?.part == .hook(hook.text.split(separator: "\n")[0].description))
    }

    @Test func graphemesAreCountedAsUsersSeeThem() throws {
        let template = try #require(catalog.template(id: "first-contact/artist-venue/casual", language: .fr))
        var values = PlaceholderValues(catalog: RepliesFixtures.resources.placeholders)
        values.set("NOM_LIEU", "👩🏽‍🎤 Café")
        let rendering = try catalog.render(template, values: values, tier: .standard, limits: RepliesFixtures.resources.limits(.standard), segmenter: segmenter)
        // "Salut " + woman singer with skin tone (one grapheme) + " Café !" = 6 + 1 + 7.
        #expect(rendering.length.hookGraphemes == 14)
    }

    @Test func followUpsAreNotHeldToFirstMessageLimits() throws {
        let template = try #require(catalog.template(id: "follow-up/value", language: .en))
        var values = PlaceholderValues(catalog: RepliesFixtures.resources.placeholders)
        values.set("REFERENCE", String(repeating: "a very long tour ", count: 100))
        let rendering = try catalog.render(template, values: values, tier: .standard, limits: RepliesFixtures.resources.limits(.standard), segmenter: segmenter)
        #expect(!rendering.length.limited)
        #expect(rendering.length.fits)
        #expect(rendering.length.graphemes > 1000)
    }

    @Test func shippedTemplatesLintClean() {
        let diagnostics = TemplateLinter.lint(
            directory: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources, moderation: RepliesFixtures.moderation)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }
}
