import Foundation
import ArgumentParser
import ParleyModeration
import ParleyText

/// Loading the moderation snapshot for a subcommand: every diagnostic on standard error, exit 2 when
/// the lexicons do not build.
enum ModerationSupport {
    static func load(_ directory: String) throws -> ModerationResources {
        do {
            let resources = try ModerationResources.load(from: directory)
            return resources
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }

    static func segmenter(for resources: ModerationResources, maxBytes: Int) throws -> Segmenter {
        try Segmenter(resources: resources.textResources, limits: TextLimits(maximumBytes: maxBytes))
    }

    /// Reads a labelled TSV file (`label<TAB>text` or `label<TAB>lang<TAB>text`).
    static func labelled(_ path: String) throws -> [LabelledMessage] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        let items = LabelledMessage.parseTSV(String(decoding: data, as: UTF8.self))
        if items.isEmpty { throw ValidationError("\(path): no 'label<TAB>text' lines") }
        return items
    }

    /// Scores a labelled set with one snapshot.
    static func evaluate(_ items: [LabelledMessage], resources: ModerationResources, maxBytes: Int) throws -> Evaluation {
        let segmenter = try segmenter(for: resources, maxBytes: maxBytes)
        let moderator = Moderator(resources: resources)
        var scored: [Evaluation.Item] = []
        for item in items {
            let predicted: String
            var rules = ""
            do {
                let message = try segmenter.read(item.text)
                let verdict = moderator.moderate(message, context: ModerationContext(language: item.language))
                predicted = verdict.label
                rules = verdict.rules.filter { $0.weight != 0 }.map { "\($0.symbol)(\(format($0.weight)))" }.joined(separator: " ")
            } catch {
                predicted = "error"
                rules = "\(error)"
            }
            scored.append(Evaluation.Item(gold: item.label, predicted: predicted, text: item.text, line: item.line, rules: rules))
        }
        return Evaluation(items: scored)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
