import ParleyTesting
import ParleyText
@testable import ParleyTone

/// Shared, loaded-once resources for the tone suites.
enum ToneTestSupport {
    static let resources: ToneResources = {
        do {
            return try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        } catch {
            fatalError("bundled tone lexicons do not load:\n\(error)")
        }
    }()
}
