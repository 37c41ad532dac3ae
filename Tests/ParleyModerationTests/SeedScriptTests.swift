import Foundation
import ParleyTesting
import Testing

@Suite("Scripts/seed-lexicons.py")
struct SeedScriptTests {
    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("builds the generated lexicons from tiny sources, sorted and filtered", .enabled(if: python != nil))
    func tinySample() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("parley-seed-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? manager.removeItem(atPath: root) }
        let sources = root + "/sources"
        let out = root + "/Lexicons"
        for folder in ["url-shorteners", "spamassassin-rules", "disposable-email-domains", "surge-profanity-en"] {
            try manager.createDirectory(atPath: sources + "/" + folder, withIntermediateDirectories: true)
        }
        try "# list\nbit.ly\ntinyurl.com\nyoutu.be\nt.me\n".write(toFile: sources + "/url-shorteners/list", atomically: true, encoding: .utf8)
        try "url_shortener cutt.ly rb.gy\n".write(toFile: sources + "/spamassassin-rules/25_url_shortener.cf", atomically: true, encoding: .utf8)
        try "freemail_domains gmail.com *.yahoo.fr mailinator.com\n".write(toFile: sources + "/spamassassin-rules/20_freemail_domains.cf", atomically: true, encoding: .utf8)
        try "mailinator.com\nyopmail.com\n".write(toFile: sources + "/disposable-email-domains/disposable_email_blocklist.conf", atomically: true, encoding: .utf8)
        try """
            text,canonical_form_1,canonical_form_2,canonical_form_3,category_1,category_2,category_3,severity_rating,severity_description
            wetbacks,wetback,,,racial / ethnic slurs,,,2.8,Severe
            gay,gay,,,sexual orientation / gender,,,1.2,Mild
            black,black,,,racial / ethnic slurs,,,2.6,Severe
            boobs,boob,,,sexual anatomy / sexual acts,,,1.4,Mild

            """.write(toFile: sources + "/surge-profanity-en/profanity_en.csv", atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Fixtures.repositoryRoot + "/Scripts/seed-lexicons.py", "--sources", sources, "--out", out]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        func body(_ path: String) throws -> [String] {
            try String(contentsOfFile: out + "/" + path, encoding: .utf8).split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("#") && !$0.hasPrefix("@") }
        }
        #expect(try body("common/url-shorteners.map") == ["bit.ly", "cutt.ly", "rb.gy", "tinyurl.com"])  // youtu.be, t.me left out
        #expect(try body("common/disposable-email.map") == ["mailinator.com", "yopmail.com"])
        #expect(try body("common/freemail.map") == ["gmail.com", "yahoo.fr"])
        #expect(try body("en/slurs-surge.map") == ["wetbacks"])  // mild and ordinary words left out
    }
}
