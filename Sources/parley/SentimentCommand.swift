import ArgumentParser
import ParleyText
import ParleyTone

/// `parley sentiment`: one message per line → one label per line (pos, neu or neg).
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Label the sentiment of each input line: pos, neu or neg.",
        discussion: """
            Reads one message per line on standard input (or, with --json, one JSON object per line \
            with a "text" field) and writes one label per line, in order, for scripted evaluation. \
            With --scores, writes the label, a tab and the compound score in [-1, 1].
            """
    )

    @OptionGroup var input: MessageInputOptions

    @Option(name: .long, help: "The messages' language (fr or en); guessed from the words when omitted.")
    var language: String?

    @Flag(name: .long, help: "Also print the compound score after a tab.")
    var scores = false

    func run() throws {
        let segmenter = try input.makeSegmenter()
        let analyzer = ToneAnalyzer(resources: try ToneSupport.loadResources(input))
        try input.forEachMessage(segmenter) { message in
            let sentiment = analyzer.sentiment(of: message, language: language)
            print(scores ? "\(sentiment.label.rawValue)\t\(ToneSupport.rounded(sentiment.compound))" : sentiment.label.rawValue)
        }
    }
}
