/// Why a message could not be read.
public enum TextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are not valid UTF-8; `byteOffset` is where the first bad sequence starts.
    case invalidUTF8(byteOffset: Int)
    /// The message is longer than the configured limit.
    case tooLong(bytes: Int, limit: Int)
    /// ICU failed (should not happen with valid input); `code` is ICU's UErrorCode.
    case icu(operation: String, code: Int32)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
        case .tooLong(let bytes, let limit): "message of \(bytes) bytes exceeds the limit of \(limit) bytes"
        case .icu(let operation, let code): "ICU \(operation) failed with error \(code)"
        }
    }
}
