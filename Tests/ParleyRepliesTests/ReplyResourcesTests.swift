import ParleyReplies
import ParleyTesting
import ParleyText
import Testing

@Suite struct ReplyResourcesTests {
    @Test func shippedFilesLoadWithoutWarnings() throws {
        let resources = RepliesFixtures.resources
        #expect(resources.warnings.isEmpty, "\(resources.warnings.map(\.description).joined(separator: "\n"))")
        #expect(resources.files.count >= 12)
    }
}
