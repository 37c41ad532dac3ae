import ArgumentParser
import ParleyText

/// Options of every subcommand that segments text: where the lexicons are and the size limit.
struct SegmenterOptions: ParsableArguments {
    @Option(name: .long, help: "The Lexicons folder (default: $PARLEY_LEXICONS, or the nearest Lexicons/ above the working directory or the executable).")
    var lexicons: String?

    @Option(name: .long, help: "Largest accepted message in UTF-8 bytes.")
    var maxBytes: Int = TextLimits().maximumBytes

    /// The Lexicons folder to use, or a validation error naming what to set.
    func lexiconsDirectory() throws -> String {
        if let lexicons { return lexicons }
        guard let found = ResourceLocator.lexiconsDirectory() else {
            throw ValidationError("cannot find the Lexicons folder: pass --lexicons or set PARLEY_LEXICONS")
        }
        return found
    }

    func makeSegmenter() throws -> Segmenter {
        let directory = try lexiconsDirectory()
        let resources: TextResources
        do {
            resources = try TextResources.load(from: directory + "/text")
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        return try Segmenter(resources: resources, limits: TextLimits(maximumBytes: maxBytes))
    }
}
