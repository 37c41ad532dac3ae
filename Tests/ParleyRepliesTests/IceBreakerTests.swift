import ParleyReplies
import Testing

@Suite struct IceBreakerTests {
    let resources = RepliesFixtures.resources

    @Test func rankedOpenersInTheRecipientsLanguage() {
        let facts = ProfileFacts(
            sharedInfluences: ["Miles Davis", "Nina Simone", "Ahmad Jamal"], collaborations: ["le Festival Jazz à Vienne"],
            region: "Bretagne", recentRelease: "Nocturnes", press: "FIP")
        let french = resources.iceBreakers(for: facts, language: .fr)
        // A shared collaboration (4) ties with three shared influences (3 + 2 × 0.5): file order decides.
        #expect(french.map(\.fact) == [.pastCollaboration, .sharedInfluences, .recentRelease, .press, .region])
        #expect(french[0].text == "Nous avons tous deux collaboré avec le Festival Jazz à Vienne : un bon point de départ pour travailler ensemble !")
        #expect(french[1].text == "Nous partageons 3 influences musicales communes : Miles Davis, Nina Simone et Ahmad Jamal.")
        #expect(french[0].score == 4 && french[1].score == 4)
        #expect(french.contains { $0.text == "Félicitations pour votre passage sur FIP !" })
        #expect(zip(french, french.dropFirst()).allSatisfy { $0.score >= $1.score })

        var more = facts
        more.sharedInfluences.append("Bill Evans")
        let english = resources.iceBreakers(for: more, language: .en)
        // A fourth influence makes the common ground the best opener.
        #expect(english[0].text == "We share 4 musical influences: Miles Davis, Nina Simone, Ahmad Jamal and Bill Evans.")
        #expect(english[0].score == 4.5)
        #expect(english.allSatisfy { !$0.text.contains("[") })
    }

    @Test func oneInfluenceReadsSingularAndTuIsHonoured() {
        let facts = ProfileFacts(sharedInfluences: ["Daft Punk"], recentRelease: "Nuit Blanche")
        let tu = resources.iceBreakers(for: facts, language: .fr, register: .tu)
        #expect(tu.map(\.text) == [
            "On partage une influence musicale commune : Daft Punk.",
            "Parfait timing avec ta nouvelle sortie, Nuit Blanche : félicitations !",
        ])
    }

    @Test func noFactsNoOpeners() {
        #expect(resources.iceBreakers(for: ProfileFacts(), language: .fr).isEmpty)
        #expect(resources.iceBreakers(for: ProfileFacts(sharedInfluences: [""], region: ""), language: .en).isEmpty)
    }
}
