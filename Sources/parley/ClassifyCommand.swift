import ArgumentParser
import ParleyModeration
import ParleyText

/// `parley classify`: one label per input line (ok, spam, scam, harassment, sexual), for scripts.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Print one label per input message: ok, spam, scam, harassment or sexual."
    )

    @OptionGroup var input: MessageInputOptions

    func run() throws {
        let resources = try ModerationSupport.load(try input.lexiconsDirectory())
        let segmenter = try ModerationSupport.segmenter(for: resources, maxBytes: input.maxBytes)
        let moderator = Moderator(resources: resources)
        try input.forEachMessage(segmenter) { message in
            print(moderator.moderate(message).label)
        }
    }
}
