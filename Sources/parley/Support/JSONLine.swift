import Foundation

/// Writes one JSON value per line on standard output, keys sorted so output diffs cleanly.
enum JSONLine {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func write<Value: Encodable>(_ value: Value) {
        do {
            let data = try encoder.encode(value)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data([UInt8(ascii: "\n")]))
        } catch {
            StandardError.write("error: cannot encode output: \(error)")
        }
    }

    /// Parses a JSON Lines input line that must be an object with a string field `field`.
    static func stringField(_ field: String, in line: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
        return object[field] as? String
    }
}

/// Diagnostics on standard error.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
