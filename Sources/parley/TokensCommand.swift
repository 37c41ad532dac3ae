import ArgumentParser
import ParleyText

/// `parley tokens`: one message per line (or JSON Lines with `--json`) → JSON Lines of typed tokens.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Segment messages into typed tokens with UTF-8 and UTF-16 spans.",
        discussion: """
            Reads one message per line on standard input (or, with --json, one JSON object per line \
            with a "text" field) and writes one JSON object per message: counts and tokens.
            """
    )

    @OptionGroup var input: MessageInputOptions

    func run() throws {
        let segmenter = try input.makeSegmenter()
        try input.forEachMessage(segmenter) { message in
            JSONLine.write(TextJSON.tokens(message))
        }
    }
}
