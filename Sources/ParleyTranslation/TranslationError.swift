/// Why a translation could not be made. Model errors name the file, so a start-up failure says
/// which file to rebuild (`python3 Scripts/translation/train.py`).
public enum TranslationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pair is not one Parley translates (only fr→en and en→fr; the same language twice is refused too).
    case unsupportedPair(from: String, to: String)
    /// A model file is missing or unreadable.
    case unreadableModel(file: String)
    /// A model file is truncated, altered or of another format version.
    case corruptModel(file: String, reason: String)
    /// A decoder parameter file has a bad line (`file:line:col`).
    case badParameters(file: String, line: Int, column: Int, reason: String)
    /// No `Models/` folder was found (set `PARLEY_MODELS`).
    case modelsDirectoryNotFound
    /// A forced phrase's token range is outside the message or overlaps another forced phrase.
    case badForcedPhrase(tokens: Range<Int>, reason: String)

    public var description: String {
        switch self {
        case .unsupportedPair(let from, let to):
            "error: unsupported language pair \(from)→\(to) (Parley translates fr→en and en→fr)"
        case .unreadableModel(let file): "\(file): error: cannot read the translation model"
        case .corruptModel(let file, let reason): "\(file): error: corrupt translation model: \(reason)"
        case .badParameters(let file, let line, let column, let reason): "\(file):\(line):\(column): error: \(reason)"
        case .modelsDirectoryNotFound: "error: no Models/ folder found (set PARLEY_MODELS)"
        case .badForcedPhrase(let tokens, let reason):
            "error: forced phrase over tokens \(tokens.lowerBound)..<\(tokens.upperBound): \(reason)"
        }
    }
}
