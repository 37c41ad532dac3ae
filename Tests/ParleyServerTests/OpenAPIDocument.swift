import Foundation
import ParleyTesting
import Yams

/// `openapi.yaml`, read with Yams, and a checker of JSON values against its schemas (the subset
/// the document uses: $ref, type, required, properties, items, enum, minItems/maxItems).
struct OpenAPIDocument {
    let root: [String: Any]

    static func load() throws -> OpenAPIDocument {
        let text = try String(contentsOfFile: Fixtures.repositoryRoot + "/openapi.yaml", encoding: .utf8)
        return OpenAPIDocument(root: try Yams.load(yaml: text) as? [String: Any] ?? [:])
    }

    var paths: [String: [String: Any]] { root["paths"] as? [String: [String: Any]] ?? [:] }

    /// "GET /healthz"-style keys of every documented operation.
    var operations: Set<String> {
        var result: Set<String> = []
        for (path, item) in paths {
            for method in ["get", "post", "put", "delete", "patch"] where item[method] != nil {
                result.insert("\(method.uppercased()) \(path)")
            }
        }
        return result
    }

    func operation(_ method: String, _ path: String) -> [String: Any]? {
        paths[path]?[method.lowercased()] as? [String: Any]
    }

    /// The response object documented for a status, following a $ref.
    func response(_ method: String, _ path: String, status: Int) -> [String: Any]? {
        guard let responses = operation(method, path)?["responses"] as? [String: Any],
              let response = responses[String(status)] as? [String: Any] else { return nil }
        return resolve(response)
    }

    func resolve(_ object: [String: Any]) -> [String: Any] {
        guard let reference = object["$ref"] as? String else { return object }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] as Any
        }
        return resolve(node as? [String: Any] ?? [:])
    }

    /// Every way `value` breaks `schema`, each as "pointer: problem"; empty when it conforms.
    func violations(of value: JSONValue, against schema: [String: Any], at pointer: String = "") -> [String] {
        let schema = resolve(schema)
        var found: [String] = []
        if let type = schema["type"] as? String {
            let matches: Bool
            switch (type, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number): matches = true
            case ("integer", .number(let number)): matches = number == number.rounded()
            default: matches = false
            }
            if !matches { return ["\(pointer): expected \(type), got \(value)"] }
        }
        if let allowed = schema["enum"] as? [Any], let string = value.string,
           !allowed.contains(where: { ($0 as? String) == string }) {
            found.append("\(pointer): '\(string)' is not one of \(allowed)")
        }
        if case .object(let object) = value {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(pointer)/\(key): required property missing")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, property) in properties {
                if let child = object[key], child != .null, let property = property as? [String: Any] {
                    found += violations(of: child, against: property, at: "\(pointer)/\(key)")
                }
            }
            if let additional = schema["additionalProperties"] as? [String: Any] {
                for (key, child) in object where properties[key] == nil {
                    found += violations(of: child, against: additional, at: "\(pointer)/\(key)")
                }
            }
        }
        if case .array(let array) = value {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { found.append("\(pointer): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { found.append("\(pointer): more than \(maximum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += violations(of: item, against: items, at: "\(pointer)/\(index)") }
            }
        }
        return found
    }

    /// Whether a reply matches the documented response for its status: the status is documented,
    /// the content type is the documented one, and a JSON body conforms to the schema.
    func check(_ reply: TestServer.Reply, _ method: String, _ path: String) -> [String] {
        guard let response = response(method, path, status: reply.status) else {
            return ["\(method) \(path): status \(reply.status) is not documented"]
        }
        guard let content = response["content"] as? [String: Any] else { return [] }
        let mediaType = reply.contentType.split(separator: ";").first.map(String.init) ?? ""
        guard let media = content[mediaType] as? [String: Any] else {
            return ["\(method) \(path) \(reply.status): content type '\(reply.contentType)' is not documented (\(content.keys.sorted()))"]
        }
        guard let schema = media["schema"] as? [String: Any] else { return [] }
        if mediaType.hasSuffix("json") {
            guard let json = JSONValue.parse(reply.body) else { return ["\(method) \(path) \(reply.status): body is not JSON: \(reply.text.prefix(200))"] }
            return violations(of: json, against: schema).map { "\(method) \(path) \(reply.status): \($0)" }
        }
        return reply.body.isEmpty ? ["\(method) \(path): empty body"] : []
    }
}
