import ArgumentParser
import ParleyModeration
import ParleyText

/// `parley classify`: one label per input line (ok, spam, scam, harassment, sexual), for scripts.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Print one label per input message: ok, spam, scam, harassment or sexual.",
        discussion: """
            Output lines stay aligned with input lines: a line that cannot be read (invalid UTF-8, too \
            long, bad JSON) prints "error" and is reported on standard error; the exit code is then 1.
            """
    )

    @OptionGroup var input: MessageInputOptions

    func run() throws {
        let resources = try ModerationSupport.load(try input.lexiconsDirectory())
        let segmenter = try ModerationSupport.segmenter(for: resources, maxBytes: input.maxBytes)
        let moderator = Moderator(resources: resources)
        var reader = LineReader()
        var message = Message()
        var lineNumber = 0
        var failures = 0
        while let line = reader.next() {
            lineNumber += 1
            var bytes = line
            if input.json {
                guard let text = JSONLine.stringField("text", in: line) else {
                    StandardError.write("stdin:\(lineNumber): error: expected a JSON object with a string field \"text\"")
                    print("error")
                    failures += 1
                    continue
                }
                bytes = Array(text.utf8)
            }
            do {
                try segmenter.read(bytes, into: &message)
                print(moderator.moderate(message).label)
            } catch {
                StandardError.write("stdin:\(lineNumber): error: \(error)")
                print("error")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
