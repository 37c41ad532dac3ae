import Foundation
import ParleyModeration
import ParleyTesting
import ParleyText

/// Shared helpers: the bundled snapshot (loaded once) and small snapshots built from text.
enum ModerationTestSupport {
    static let bundled: ModerationResources = {
        do {
            return try ModerationResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        } catch {
            fatalError("bundled lexicons do not load:\n\(error)")
        }
    }()

    static var rulesText: String {
        String(decoding: FileManager.default.contents(atPath: Fixtures.lexiconsDirectory + "/rules.yaml") ?? Data(), as: UTF8.self)
    }

    /// A snapshot from the bundled rules and the given map files.
    static func compile(maps: [(String, String)], rules: String? = nil) throws(DiagnosticList) -> ModerationResources {
        try ModerationResources.compile(
            rules: [.init(path: "rules.yaml", text: rules ?? rulesText)],
            maps: maps.map { .init(path: $0.0, text: $0.1) },
            textResources: Fixtures.textResources)
    }

    /// Moderates one text with a fresh segmenter and moderator.
    static func verdict(_ text: String, resources: ModerationResources = bundled, context: ModerationContext = ModerationContext()) -> Verdict {
        let segmenter = Fixtures.segmenter()
        let message = try! segmenter.read(text)
        return Moderator(resources: resources).moderate(message, context: context)
    }

    static func symbols(_ verdict: Verdict) -> Set<String> { Set(verdict.rules.map(\.symbol)) }
}
