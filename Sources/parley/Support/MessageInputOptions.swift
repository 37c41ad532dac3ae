import ArgumentParser
import ParleyText

/// Options shared by the subcommands that read messages: where the lexicons are, whether input is
/// plain lines or JSON Lines, and the size limit.
struct MessageInputOptions: ParsableArguments {
    @Flag(name: .long, help: "Read JSON Lines: one object per line with a \"text\" field.")
    var json = false

    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS, or the nearest Lexicons/ above the working directory or the executable).")
    var lexicons: String?

    @Option(name: .long, help: "Largest accepted message in UTF-8 bytes.")
    var maxBytes: Int = TextLimits().maximumBytes

    /// The Lexicons folder to use, or a validation error naming what to set.
    func lexiconsDirectory() throws -> String { try Self.lexiconsDirectory(lexicons) }

    /// `explicit` (a `--lexicons` value) or the folder ``ResourceLocator`` finds.
    static func lexiconsDirectory(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        guard let found = ResourceLocator.lexiconsDirectory() else {
            throw ValidationError("cannot find the Lexicons folder: pass --lexicons or set PARLEY_LEXICONS")
        }
        return found
    }

    /// The text tables of a Lexicons folder; their diagnostics on standard error and exit 2 if bad.
    static func textResources(in directory: String) throws -> TextResources {
        do {
            return try TextResources.load(from: directory + "/text")
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }

    func makeSegmenter() throws -> Segmenter {
        let resources = try Self.textResources(in: try lexiconsDirectory())
        return try Segmenter(resources: resources, limits: TextLimits(maximumBytes: maxBytes))
    }

    /// Reads every input line, hands each readable message to `body`, reports unreadable ones on
    /// standard error as `stdin:LINE: error: …`, and exits 1 at the end if any line was bad.
    func forEachMessage(_ segmenter: Segmenter, _ body: (Message) throws -> Void) throws {
        var reader = LineReader()
        var lineNumber = 0
        var failures = 0
        var message = Message()
        while let line = reader.next() {
            lineNumber += 1
            var bytes = line
            if json {
                guard let text = JSONLine.stringField("text", in: line) else {
                    StandardError.write("stdin:\(lineNumber): error: expected a JSON object with a string field \"text\"")
                    failures += 1
                    continue
                }
                bytes = Array(text.utf8)
            }
            do {
                try segmenter.read(bytes, into: &message)
            } catch {
                StandardError.write("stdin:\(lineNumber): error: \(error)")
                failures += 1
                continue
            }
            try body(message)
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
