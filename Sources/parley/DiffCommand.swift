import ArgumentParser
import ParleyModeration
import ParleyText

/// `parley diff OLD NEW --data file.tsv`: which messages a lexicon change flips, and the score change.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two Lexicons folders on a labelled set: flipped messages and F1 before/after."
    )

    @Argument(help: "The Lexicons folder in use.")
    var old: String

    @Argument(help: "The changed Lexicons folder.")
    var new: String

    @Option(name: .long, help: "The labelled TSV file.")
    var data: String

    func run() throws {
        let items = try ModerationSupport.labelled(data)
        let before = try ModerationSupport.evaluate(items, resources: try ModerationSupport.load(old), maxBytes: TextLimits().maximumBytes)
        let after = try ModerationSupport.evaluate(items, resources: try ModerationSupport.load(new), maxBytes: TextLimits().maximumBytes)
        var fixed = 0
        var broken = 0
        for (was, now) in zip(before.items, after.items) where was.predicted != now.predicted {
            let mark: String
            if now.predicted == now.gold {
                mark = "fixed"
                fixed += 1
            } else if was.predicted == was.gold {
                mark = "BROKEN"
                broken += 1
            } else {
                mark = "changed"
            }
            print("\(mark) line \(now.line) gold \(now.gold): \(was.predicted) → \(now.predicted): \(now.text)")
            if !now.rules.isEmpty { print("      now: \(now.rules)") }
        }
        print("flipped \(before.items.indices.filter { before.items[$0].predicted != after.items[$0].predicted }.count), fixed \(fixed), broken \(broken)")
        print("macro F1 \(before.macroF1) → \(after.macroF1); false positives \(before.falsePositives.count) → \(after.falsePositives.count)")
    }
}
