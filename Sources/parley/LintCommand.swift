import ArgumentParser
import ParleyModeration
import ParleyText

/// `parley lint Lexicons/`: every error and warning as `file:line:col: severity: message`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lexicons and rules: syntax, unknown symbols, bad regexes, duplicates, inline examples.",
        discussion: "Exits 1 when there is any error or, with --strict, any warning (duplicates)."
    )

    @Argument(help: "The Lexicons folder.")
    var directory: String

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let diagnostics = LexiconLinter.lint(directory: directory)
        for diagnostic in diagnostics { print(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        StandardError.write("\(errors) error(s), \(warnings) warning(s)")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
