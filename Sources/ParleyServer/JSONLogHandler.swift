import Foundation
import Logging

/// A swift-log handler that writes one JSON object per line on standard error:
/// `{"ts":"…","level":"info","label":"parley","msg":"…", …metadata}`.
///
/// The server never puts message text in the logs, and user ids only through ``UserIdHash``.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level = .info) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "ts": Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
            "level": event.level.rawValue, "label": label, "msg": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = Self.json(value)
        }
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        FileHandle.standardError.write(line)
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible):
            if let number = convertible as? Int { number } else if let number = convertible as? Double { number } else { convertible.description }
        case .array(let array): array.map(json)
        case .dictionary(let dictionary): dictionary.mapValues(json)
        }
    }
}

/// Pseudonymises user ids for the logs: FNV-1a over a salt and the id, 16 hex digits. With a
/// secret salt (`PARLEY_LOG_SALT`) the logs of one deployment still correlate one user's requests.
public struct UserIdHash: Sendable {
    private let salt: [UInt8]

    public init(salt: String) { self.salt = Array(salt.utf8) }

    /// - Complexity: O(salt + id length), no allocation but the result string.
    public func callAsFunction(_ id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in salt { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
