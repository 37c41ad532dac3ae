import ArgumentParser
import ParleyModeration
import ParleyText

/// `parley eval --data file.tsv`: precision, recall, F1 per category, confusion matrix, error lists.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure moderation on a labelled TSV file (label<TAB>text or label<TAB>lang<TAB>text).",
        discussion: "Labels: ok, spam, scam, harassment, sexual. Use --map ham=ok to rename labels of other sets."
    )

    @Option(name: .long, help: "The labelled TSV file.")
    var data: String

    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS or the nearest Lexicons/).")
    var lexicons: String?

    @Option(name: .long, parsing: .singleValue, help: "Rename a gold label, e.g. --map ham=ok (repeatable).")
    var map: [String] = []

    @Option(name: .long, help: "Collapse every non-ok prediction to this label (e.g. spam for a spam/ham set).")
    var collapse: String?

    @Flag(name: .long, help: "Only the scores and the matrix, no error lists.")
    var quiet = false

    func run() throws {
        guard let directory = lexicons ?? ResourceLocator.lexiconsDirectory() else {
            throw ValidationError("cannot find the Lexicons folder: pass --lexicons or set PARLEY_LEXICONS")
        }
        var renames: [String: String] = [:]
        for pair in map {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--map expects OLD=NEW, got '\(pair)'") }
            renames[parts[0]] = parts[1]
        }
        var items = try ModerationSupport.labelled(data)
        for index in items.indices { items[index].label = renames[items[index].label] ?? items[index].label }
        let resources = try ModerationSupport.load(directory)
        var evaluation = try ModerationSupport.evaluate(items, resources: resources, maxBytes: TextLimits().maximumBytes)
        if let collapse {
            evaluation = Evaluation(items: evaluation.items.map { item in
                var item = item
                if item.predicted != "ok" { item.predicted = collapse }
                return item
            })
        }
        print(evaluation.report(listErrors: !quiet))
    }
}
