import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("SimHash")
struct SimHashTests {
    func fingerprint(_ text: String) -> UInt64? {
        SimHash.fingerprint(of: try! Fixtures.segmenter().read(text).folded, shingle: 3, minimumUnits: 6)
    }

    @Test("near-duplicates are close, different messages are far, short ones are skipped")
    func distances() throws {
        let a = try #require(fingerprint("Salut Léa ! Découvrez notre nouvel album en écoute sur notre site dès aujourd'hui"))
        let b = try #require(fingerprint("Salut Tom ! Découvrez notre nouvel album en écoute sur notre site dès aujourd'hui"))
        let c = try #require(fingerprint("Le contrat de cession est signé, je vous l'envoie par mail ce soir avec la facture"))
        #expect((a ^ b).nonzeroBitCount <= 12)
        #expect((a ^ c).nonzeroBitCount > 12)
        #expect(fingerprint("ok merci") == nil)
        #expect(fingerprint("SALUT léa ! découvrez notre nouvel album en écoute sur notre site dès aujourd'hui") == a)
    }
}

