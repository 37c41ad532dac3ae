import ArgumentParser
import ParleyText

/// Standard input read as one message per line, for the subcommands that answer one line per line.
enum LineMessages {
    /// Hands each line's message to `body`. A line the segmenter refuses is reported on standard error as
    /// `stdin:LINE: error: …` and handed to `badLine` (which writes that line's placeholder answer, so
    /// output stays aligned with input); at the end, exit status 1 if any line was bad.
    static func forEach(_ segmenter: Segmenter, badLine: () -> Void, _ body: (Message) throws -> Void) throws {
        var reader = LineReader()
        var message = Message()
        var lineNumber = 0
        var failures = 0
        while let line = reader.next() {
            lineNumber += 1
            do {
                try segmenter.read(line, into: &message)
            } catch {
                StandardError.write("stdin:\(lineNumber): error: \(error)")
                failures += 1
                badLine()
                continue
            }
            try body(message)
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
