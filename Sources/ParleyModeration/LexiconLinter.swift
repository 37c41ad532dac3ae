import ParleyText

/// What `parley lint` checks: that the lexicons and rules load (syntax, unknown symbols, bad
/// regexes, duplicates) and that every inline example (`# ok:`, `# hit SYMBOL:`) holds.
public enum LexiconLinter {
    /// Every problem in a `Lexicons/` folder, errors and warnings, in file order.
    /// - Complexity: a full load plus one moderation per inline example.
    public static func lint(directory: String) -> [Diagnostic] {
        let resources: ModerationResources
        do {
            resources = try ModerationResources.load(from: directory.hasSuffix("/") ? String(directory.dropLast()) : directory)
        } catch {
            return error.diagnostics
        }
        return resources.warnings + checkExamples(resources)
    }

    /// Runs the inline examples; one diagnostic per failing example.
    public static func checkExamples(_ resources: ModerationResources) -> [Diagnostic] {
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: resources.textResources, limits: TextLimits())
        } catch {
            return [Diagnostic(file: "Lexicons/text", message: "cannot open a segmenter: \(error)")]
        }
        let moderator = Moderator(resources: resources)
        var diagnostics: [Diagnostic] = []
        for example in resources.examples {
            let at = example.source
            func fail(_ message: String) {
                diagnostics.append(Diagnostic(file: at.file, line: at.line, column: at.column, message: message))
            }
            let message: Message
            do {
                message = try segmenter.read(example.text)
            } catch {
                fail("example cannot be read: \(error)")
                continue
            }
            let verdict = moderator.moderate(message)
            switch example.expectation {
            case .ok:
                if verdict.action != .allow || verdict.label != "ok" {
                    let why = verdict.rules.filter { $0.weight > 0 }.map { "\($0.symbol) (\($0.source))" }.joined(separator: ", ")
                    fail("example should be ok but is \(verdict.label)/\(verdict.action.rawValue): \(why)")
                }
            case .hit(let symbol):
                if resources.symbolIndex[symbol] == nil {
                    fail("example expects unknown symbol \(symbol)")
                } else if !verdict.rules.contains(where: { $0.symbol == symbol }) && !resources.firedSymbols(of: message, moderator).contains(symbol) {
                    let got = verdict.rules.map(\.symbol).joined(separator: ", ")
                    fail("example should fire \(symbol) but fired: \(got.isEmpty ? "nothing" : got)")
                }
            }
        }
        return diagnostics
    }
}

extension ModerationResources {
    /// Every symbol that fired on a message, hidden categories included (for examples of language hints).
    func firedSymbols(of message: Message, _ moderator: Moderator) -> Set<String> {
        Set(moderator.lastFiredSymbols().map { symbolRules[Int($0)].name })
    }
}
