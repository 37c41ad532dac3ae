import Foundation
import ParleyNegotiation
import ParleyTesting
import Testing

@Suite("Scripts/negotiation/generate-sample-deals.py")
struct SampleDealsScriptTests {
    func generate(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.repositoryRoot + "/Scripts/negotiation/generate-sample-deals.py"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aSmallSampleIsSeededMarkedAndReadable() throws {
        let first = try generate(["--rows", "60", "--seed", "7"])
        #expect(try generate(["--rows", "60", "--seed", "7"]) == first)
        #expect(try generate(["--rows", "60", "--seed", "8"]) != first)
        #expect(first.hasPrefix("# SAMPLE DATA — synthetic booking deals, NOT real market figures."))
        let deals = try DealsFile.parse(first, path: "sample")
        #expect(deals.count == 60)
        #expect(Set(deals.map(\.outcome)).count > 1)
    }

    @Test func theShippedSampleIsWhatTheScriptMakes() throws {
        let shipped = try String(contentsOfFile: NegotiationFixtures.dealsPath, encoding: .utf8)
        #expect(try generate(["--rows", "4000", "--seed", "20261126"]) == shipped)
    }
}
