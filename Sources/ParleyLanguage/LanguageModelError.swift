/// Why the language model could not be loaded. Each case names the file, so a start-up failure says
/// what to fix.
public enum LanguageModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(file: String)
    /// The file is not a Parley language model, is truncated, or fails its checksum.
    case corrupt(file: String, reason: String)
    /// No `Models/` folder was found (set `PARLEY_MODELS` or run from the repository).
    case modelsDirectoryNotFound

    public var description: String {
        switch self {
        case .unreadable(let file): "\(file): error: cannot read the language model"
        case .corrupt(let file, let reason): "\(file): error: corrupt language model: \(reason)"
        case .modelsDirectoryNotFound: "error: no Models/ folder found (set PARLEY_MODELS)"
        }
    }
}
