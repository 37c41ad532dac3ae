import ParleyText

/// The values a caller knows for placeholders, resolved once per conversation (or per request)
/// into bytes indexed by placeholder id, so filling a reply is a copy.
public struct PlaceholderValues: Sendable {
    public let catalog: PlaceholderCatalog
    private var values: [[UInt8]?]

    /// No value known: every placeholder stays visible.
    public init(catalog: PlaceholderCatalog) {
        self.catalog = catalog
        self.values = Array(repeating: nil, count: catalog.placeholders.count)
    }

    /// Values by context key (`venue`, `fee`) or by placeholder name (`NOM_LIEU`, `CACHET`); a name
    /// wins over a key for its own placeholder. Empty values count as unknown.
    /// - Throws: ``UnknownContextKey`` naming the first key that is neither (sorted, so the error is stable).
    /// - Complexity: O(number of entries).
    public init(catalog: PlaceholderCatalog, _ entries: [String: String]) throws(UnknownContextKey) {
        self.init(catalog: catalog)
        for key in entries.keys.sorted() {
            guard let value = entries[key], !value.isEmpty else { continue }
            if catalog.id(named: key) != nil { continue }
            let ids = catalog.ids(forKey: key)
            if ids.isEmpty { throw UnknownContextKey(key: key, known: catalog.keys) }
            for id in ids { values[Int(id)] = Array(value.utf8) }
        }
        for (name, value) in entries where !value.isEmpty {
            if let id = catalog.id(named: name) { values[Int(id)] = Array(value.utf8) }
        }
    }

    /// Sets one placeholder by name; false when the catalog has no such placeholder.
    @discardableResult
    public mutating func set(_ name: String, _ value: String?) -> Bool {
        guard let id = catalog.id(named: name) else { return false }
        values[Int(id)] = value.flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        return true
    }

    /// The value of a placeholder, as UTF-8; nil when unknown. O(1).
    public func value(_ id: Int32) -> [UInt8]? { values[Int(id)] }

    /// The value of a placeholder by name. O(1).
    public func value(named name: String) -> String? {
        catalog.id(named: name).flatMap { values[Int($0)] }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every placeholder filled with its sample value in `language` (what lint renders).
    public static func samples(_ catalog: PlaceholderCatalog, language: ReplyLanguage) -> PlaceholderValues {
        var values = PlaceholderValues(catalog: catalog)
        for (index, placeholder) in catalog.placeholders.enumerated() {
            values.values[index] = Array(placeholder.sample(language).utf8)
        }
        return values
    }
}

/// A context key that no placeholder uses: the caller misspelled it (`venu`) or sent a field Parley
/// does not know.
public struct UnknownContextKey: Error, Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var known: [String]

    public var description: String {
        "unknown context key '\(key)' (known keys: \(known.joined(separator: ", ")); placeholder names like NOM_LIEU work too)"
    }
}
