import ParleyModeration
import ParleyReplies
import ParleyTesting
import ParleyText
import ParleyTone
import Testing

@Suite struct SmartRepliesTests {
    /// Real-looking received messages, FR and EN, with the intent a person would read in them.
    static let conversations: [(text: String, intent: ReplyIntent)] = [
        ("Quel est votre cachet habituel ?", .feeQuestion),
        ("Bonjour, combien vous prenez pour un set d'une heure ?", .feeQuestion),
        ("Salut ! C'est quoi tes tarifs pour une soirée au bar ?", .feeQuestion),
        ("Hi there, what's your fee for a 90 minute set?", .feeQuestion),
        ("Êtes-vous disponibles le samedi 14 juin ?", .availability),
        ("t'es dispo le 20 ?", .availability),
        ("Are you free on the 12th of June?", .availability),
        ("Vous pouvez m'envoyer votre fiche technique et le plan de scène ?", .technical),
        ("Could you send over your tech rider and input list?", .technical),
        ("Je vous envoie le contrat de cession, il faut le signer avant vendredi.", .contract),
        ("Can you confirm the payment terms and the cancellation clause?", .contract),
        ("Bonjour !", .greeting),
        ("Merci beaucoup pour votre réponse rapide", .thanks),
        ("Malheureusement nous ne sommes pas disponibles ce soir-là, ce ne sera pas possible.", .refusal),
        ("Sorry, it's out of our budget, we'll pass this time.", .refusal),
        ("À quelle heure est la balance, et quelle est la durée du set ?", .scheduling),
        ("What time is load in, and what's the running order?", .scheduling),
        ("Bonjour, avez-vous eu le temps de réfléchir à notre proposition ?", .followUp),
        ("Hi, just checking in, any news on the date?", .followUp),
        ("C'est validé pour nous, on part là-dessus !", .acceptance),
        ("Sounds good, it's a deal!", .acceptance),
        ("Notre budget est de 800 €, pas plus. Vous pourriez revoir le prix ?", .counterOffer),
        ("Could you lower the fee a bit? Our max budget is €900.", .counterOffer),
        ("L'hébergement et les repas sont pris en charge ? Il y a un parking pour le camion ?", .logistics),
        ("Is accommodation covered, and is there parking for the van?", .logistics),
        ("Vous pouvez faire 700 € ? C'est notre max pour un jeudi.", .counterOffer),
        ("Franchement 200 € pour quatre musiciens, c'est même pas la peine.", .refusal),
        ("Our curfew is 11pm, can you send the set list by Friday?", .scheduling),
        ("Salut ! Dispo le 3 mai pour une date au Petit Bain ? Cachet 500 € + repas", .availability),
        ("Le chat du voisin a encore mangé mes plantes.", .other),
    ]

    @Test(arguments: conversations)
    func readsTheIntentOfRealMessages(_ item: (text: String, intent: ReplyIntent)) throws {
        let (message, set) = try RepliesFixtures.suggest(item.text)
        #expect(set.reading.intent == item.intent, "\(item.text): \(set.reading.scores.map { "\($0.intent.rawValue)=\($0.score)" })")
        if item.intent == .other {
            #expect(set.reading.confidence == 0)
            #expect(set.reading.cues.isEmpty)
        } else {
            #expect(set.reading.confidence > 0 && set.reading.confidence <= 1)
            let decisive = set.reading.cues.filter { $0.intent == item.intent }
            #expect(!decisive.isEmpty)
            for cue in decisive {
                #expect(!message.text(in: cue.span).isEmpty)
                #expect(cue.source.contains("intents.cues:"))
            }
        }
    }

    @Test func theSpecExampleQuotesDiscussesAndSendsTheRateCard() throws {
        let (_, known) = try RepliesFixtures.suggest("Quel est votre cachet habituel ?", ["fee": "1 500 €"])
        #expect(known.reading.intent == .feeQuestion)
        #expect(known.reading.confidence >= 0.9)
        #expect(known.language == .fr)
        #expect(known.register == .vous)
        #expect(known.replies.map(\.move) == [.answer, .discuss, .share])
        #expect(known.texts == [
            "Pour ce type de lieu, notre cachet est de 1 500 €.",
            "Cela dépend de plusieurs facteurs (date, durée du set, technique), parlons-en ?",
            "Voici notre grille tarifaire selon les configurations, je vous la joins ici.",
        ])
        #expect(known.replies.allSatisfy { known.unfilled(of: $0).isEmpty })

        let (_, unknown) = try RepliesFixtures.suggest("Quel est votre cachet habituel ?")
        #expect(unknown.texts[0] == "Pour ce type de lieu, notre cachet est de [CACHET].")
        #expect(unknown.unfilled(of: unknown.replies[0]) == ["CACHET"])
    }

    @Test func answersInTheRegisterOfTheMessage() throws {
        let (_, tu) = try RepliesFixtures.suggest("Salut, t'es dispo le 20 juin ? Tu joues combien de temps ?")
        #expect(tu.register == .tu)
        #expect(tu.texts.contains { $0.contains("t'irait") || $0.contains("Tu ") || $0.contains("on est") || $0.contains("On est") })
        #expect(!tu.texts.contains { $0.contains("vous") })

        let (_, vous) = try RepliesFixtures.suggest("Bonjour Madame, seriez-vous disponible le 20 juin ? Cordialement")
        #expect(vous.register == .vous)
        #expect(vous.texts.contains { $0.contains("vous") })
        #expect(!vous.texts.contains { $0.contains(" tu ") || $0.contains("t'irait") })
    }

    @Test func answersEnglishInEnglish() throws {
        let (_, set) = try RepliesFixtures.suggest("Hi! What's your fee for a Friday night?", ["fee": "€1,200"])
        #expect(set.language == .en)
        #expect(set.texts[0] == "For this kind of venue, our fee is €1,200.")
    }

    @Test func contextFillsNamesAndDatesAndLeavesTheRestVisible() throws {
        let (_, set) = try RepliesFixtures.suggest(
            "Seriez-vous disponibles le 14 juin ?", ["date": "samedi 14 juin", "venue": "Le Périscope"])
        #expect(set.texts[0] == "Oui, nous sommes disponibles le samedi 14 juin, avec plaisir !")
        #expect(set.texts[2].contains("[PERIODE_DISPO]"))
        #expect(set.unfilled(of: set.replies[2]) == ["PERIODE_DISPO"])
    }

    @Test func aCounterOfferIsAcceptedMetHalfwayOrDiscussed() throws {
        let (_, set) = try RepliesFixtures.suggest("Could you lower the fee? Our max budget is €900.", ["counter_fee": "€1,100", "fee": "€1,400"])
        #expect(set.reading.intent == .counterOffer)
        #expect(set.replies.map(\.move) == [.accept, .propose, .discuss])
        #expect(set.texts[1] == "We can meet you partway: how about €1,100, travel included?")
    }

    @Test func unknownContextKeysAreRejectedWithTheirName() {
        #expect(throws: UnknownContextKey.self) {
            _ = try PlaceholderValues(catalog: RepliesFixtures.resources.placeholders, ["venu": "Le Périscope"])
        }
        do {
            _ = try PlaceholderValues(catalog: RepliesFixtures.resources.placeholders, ["venu": "x"])
        } catch {
            #expect(error.description.contains("'venu'"))
            #expect(error.description.contains("venue"))
        }
    }

    @Test func placeholderNamesWorkAsContextKeys() throws {
        let values = try PlaceholderValues(catalog: RepliesFixtures.resources.placeholders, ["CACHET": "900 €", "genre": "jazz"])
        #expect(values.value(named: "CACHET") == "900 €")
        #expect(values.value(named: "GENRE") == "jazz")
        #expect(values.value(named: "GENRE_MUSICAL") == "jazz")
        #expect(values.value(named: "NOM_LIEU") == nil)
    }

    @Test(arguments: conversations)
    func threeRepliesWithThreeMovesThatNeverEchoTheMessage(_ item: (text: String, intent: ReplyIntent)) throws {
        let (message, set) = try RepliesFixtures.suggest(item.text)
        #expect(set.replies.count == 3)
        #expect(Set(set.replies.map(\.move)).count == 3)
        #expect(Set(set.texts).count == 3)
        // No reply parrots the message: no run of `echoRun` consecutive words in common (shorter runs
        // are the trade's terms, "fiche technique", "the payment terms").
        let segmenter = Fixtures.segmenter()
        let received = message.folded.units.map { message.foldedText(of: $0) }
        for text in set.texts {
            let reply = try segmenter.read(text)
            let words = reply.folded.units.map { reply.foldedText(of: $0) }
            for length in [ReplyHeuristics.echoRun] where received.count >= length && words.count >= length {
                let receivedGrams = Set((0...(received.count - length)).map { received[$0..<($0 + length)].joined(separator: " ") })
                for start in 0...(words.count - length) {
                    let gram = words[start..<(start + length)].joined(separator: " ")
                    #expect(!receivedGrams.contains(gram), "'\(text)' repeats '\(gram)' from '\(item.text)'")
                }
            }
        }
    }

    /// Every reply pattern, in both registers, with the caller's values and with placeholders left
    /// visible, passes Parley's moderation and carries no contact detail.
    @Test func everyReplyPatternPassesModeration() throws {
        let resources = RepliesFixtures.resources
        let moderator = Moderator(resources: RepliesFixtures.moderation)
        let segmenter = Fixtures.segmenter()
        var checked = 0
        for language in ReplyLanguage.allCases {
            let patterns = resources.replies(language)
            let valueSets = [
                PlaceholderValues(catalog: resources.placeholders), PlaceholderValues.samples(resources.placeholders, language: language),
            ]
            for intent in ReplyIntent.allCases {
                let slots = patterns.slots(for: intent)
                #expect(slots.count == 3, "\(language) \(intent)")
                for slot in slots {
                    for register in ReplyRegister.allCases {
                        for values in valueSets {
                          for alternative in slot.alternatives(register) {
                            let text = alternative.rendered(values)
                            let message = try segmenter.read(text)
                            let verdict = moderator.moderate(message, context: ModerationContext(language: language.rawValue))
                            #expect(verdict.action == .allow, "\(slot.source(register)): \(text) → \(verdict.reason)")
                            #expect(!message.tokens.contains { [.email, .phone, .url].contains($0.kind) }, "\(text)")
                            checked += 1
                          }
                        }
                    }
                }
            }
        }
        #expect(checked >= 2 * ReplyIntent.allCases.count * 3 * 2 * 2)
    }

    @Test func aReplyThatWouldParrotTheMessageGivesWayToItsAlternative() throws {
        let (_, set) = try RepliesFixtures.suggest("Le défraiement, l'hébergement et les repas sont-ils pris en charge de votre côté ?")
        #expect(set.reading.intent == .logistics)
        let ask = try #require(set.replies.first { $0.move == .ask })
        #expect(set.text(of: ask) == "Qu'est-ce qui est prévu de votre côté pour l'accueil de l'équipe ?")
        // Without the echo, the first wording is kept.
        let (_, plain) = try RepliesFixtures.suggest("Il y a un parking pour le camion ?")
        let first = try #require(plain.replies.first { $0.move == .ask })
        #expect(plain.text(of: first) == "Le défraiement, l'hébergement et les repas sont-ils pris en charge de votre côté ?")
    }

    @Test func overlappingCuesKeepTheLongest() throws {
        let (message, set) = try RepliesFixtures.suggest("Désolé, nous ne sommes pas disponibles ce jour-là.")
        #expect(set.reading.intent == .refusal)
        #expect(!set.reading.cues.contains { $0.intent == .availability })
        let cue = try #require(set.reading.cues.first { $0.intent == .refusal })
        #expect(message.text(in: cue.span) == "pas disponibles")
    }

    @Test func aReusedSetGivesTheSameRepliesAsAFreshOne() throws {
        let segmenter = Fixtures.segmenter()
        let engine = SmartReplies(resources: RepliesFixtures.resources)
        let values = PlaceholderValues(catalog: RepliesFixtures.resources.placeholders)
        var reused = ReplySet()
        for item in Self.conversations {
            let message = try segmenter.read(item.text)
            engine.suggest(for: message, language: .fr, register: .vous, values: values, into: &reused)
            var fresh = ReplySet()
            SmartReplies(resources: RepliesFixtures.resources).suggest(for: message, language: .fr, register: .vous, values: values, into: &fresh)
            #expect(reused.texts == fresh.texts)
            #expect(reused.reading == fresh.reading)
        }
    }
}
