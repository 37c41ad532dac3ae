import ArgumentParser

/// The `parley` command: a thin front over the library. Each subcommand is one file.
@main
struct Parley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Moderation and NLP for Flow Stage chat messages.",
        subcommands: [
            TokensCommand.self,
            FoldCommand.self,
            CheckCommand.self,
            ExplainCommand.self,
            LintCommand.self,
            EvalCommand.self,
            DiffCommand.self,
            ClassifyCommand.self,
            LangidCommand.self,
            CompleteCommand.self,
            AnalyzeSearchCommand.self,
            SentimentCommand.self,
            ToneCommand.self,
        ]
    )
}
