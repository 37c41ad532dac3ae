import ParleyTesting
import Testing

@testable import ParleyText

func folded(_ text: String) throws -> String {
    try Fixtures.segmenter().read(text).folded.string
}

@Suite("Folded view")
struct FolderTests {
    @Test(arguments: [
        ("Café-Concert", "cafe concert"),
        ("ÉTÉ Straße", "ete strasse"),
        ("cœur Ærø", "coeur aero"),
        ("ｗｈａｔｓａｐｐ", "whatsapp"),
        ("tele\u{200B}gram", "telegram"),
        ("s\u{00AD}exe", "sexe"),
        ("pаypal", "paypal"),
        ("gοogle", "google"),
        ("s3xy p0rn c0nn4rd b1tch arn@que $alope", "sexy porn connard bitch arnaque salope"),
        ("mp3 SM58 b2b", "mp3 sm58 b2b"),
        ("siiiiick fuuuuck", "sick fuck"),
        ("cool merci", "cool merci"),
        ("w h a t s a p p", "whatsapp"),
        ("n u d e s", "nudes"),
        ("W-h-a-t-s-A-p-p", "whatsapp"),
        ("s.e.x", "sex"),
        ("il y a à voir", "il y a a voir"),
        ("sal*pe f***ing", "sal*pe f***ing"),
        ("l'équipe qu'il", "l' equipe qu' il"),
        ("aujourd’hui", "aujourd'hui"),
        ("2 500 personnes", "2500 personnes"),
        ("3,5 heures", "3.5 heures"),
        ("1 500 € HT", "1500eur ht"),
        ("2k€", "2000eur"),
        ("$1,200", "1200usd"),
        ("800 balles", "800eur"),
        ("06 12 34 56 78", "0612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("zéro six douze trente-quatre cinquante-six soixante-dix-huit", "0612345678"),
        ("zéro six quatre-vingt-dix-neuf vingt et un zéro deux zéro trois", "0699210203"),
        ("jean at gmail dot com", "jean@gmail.com"),
        ("jean[at]gmail.com", "jean@gmail.com"),
        ("Jean.Dupont@GMAIL.com", "jean.dupont@gmail.com"),
        ("@Julie #Jazz", "@julie #jazz"),
        ("WWW.Example.FR", "www.example.fr"),
        ("merci 🔥 :) !!!", "merci"),
    ])
    func folds(text: String, expected: String) throws {
        #expect(try folded(text) == expected)
    }

    @Test func unitsMapBackToTheirSpans() throws {
        let text = "Le café-concert, w h a t s a p p: 06 12 34 56 78"
        let message = try Fixtures.segmenter().read(text)
        let pairs = message.folded.units.map { (message.foldedText(of: $0), message.text(in: $0.span)) }
        #expect(pairs.map(\.0) == ["le", "cafe", "concert", "whatsapp", "0612345678"])
        #expect(pairs.map(\.1) == ["Le", "café", "concert", "w h a t s a p p", "06 12 34 56 78"])
        let joined = message.folded.units[3]
        #expect(joined.transforms.contains(.joined))
        #expect(joined.tokens.count == 15)
    }

    @Test func transformsSayWhatChanged() throws {
        let message = try Fixtures.segmenter().read("S3XY pаypal tele\u{200B}gram siiiick été")
        let transforms = message.folded.units.map(\.transforms)
        #expect(transforms[0].contains(.leet) && transforms[0].contains(.caseFolded))
        #expect(transforms[1].contains(.confusables))
        #expect(transforms[2].contains(.invisiblesRemoved))
        #expect(transforms[3].contains(.squeezed))
        #expect(transforms[4] == [.accentsStripped])
    }

    @Test func unitIndexFindsTheUnitOfAnOffset() throws {
        let message = try Fixtures.segmenter().read("bonjour à tous")
        let folded = message.folded
        #expect(folded.string == "bonjour a tous")
        #expect(folded.unitIndex(atFoldedOffset: 0) == 0)
        #expect(folded.unitIndex(atFoldedOffset: 8) == 1)
        #expect(folded.unitIndex(atFoldedOffset: 10) == 2)
        #expect(folded.unitIndex(atFoldedOffset: 13) == 2)
    }

    @Test func foldMatchesLexiconEntriesToMessages() throws {
        let segmenter = Fixtures.segmenter()
        #expect(segmenter.fold("Café-Concert") == segmenter.fold("cafe concert"))
        #expect(segmenter.fold("Frais de dossier") == "frais de dossier")
        #expect(segmenter.fold("WhatsApp") == segmenter.fold("W h a t s A p p"))
    }

    @Test(arguments: [
        "Salut ! J'ai 2 500 € pour toi, appelle le 06 12 34 56 78",
        "s3xy pаypal.com bit.ly/xyz w h a t s a p p siiiiick",
        "jean at gmail dot com zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        "$1,200 or 2k€ or 800 balles, 2 000 euros HT",
    ])
    func foldingIsIdempotent(text: String) throws {
        let segmenter = Fixtures.segmenter()
        let once = segmenter.fold(text)
        #expect(segmenter.fold(once) == once)
    }
}
