import ArgumentParser
import ParleyText

/// `parley fold`: one message per line → JSON Lines of folded units with their spans.
struct FoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fold",
        abstract: "Show the folded view lexicons match against, each unit mapped to its span.",
        discussion: """
            Reads one message per line on standard input (or, with --json, one JSON object per line \
            with a "text" field) and writes one JSON object per message: the folded text and its units.
            """
    )

    @OptionGroup var input: MessageInputOptions

    func run() throws {
        let segmenter = try input.makeSegmenter()
        try input.forEachMessage(segmenter) { message in
            JSONLine.write(TextJSON.folded(message))
        }
    }
}
