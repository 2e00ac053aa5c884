import Foundation

/// Checks JSON values against the subset of JSON Schema that plaudit's documented line formats
/// use: `type` (a name or a list of names; no booleans), `required`, `properties` and
/// `additionalProperties: false`. Enough to hold an output to its committed schema file without
/// trusting the Swift type that wrote it.
struct JSONSchemaSubset {
    let schema: [String: Any]

    init(contentsOf url: URL) throws {
        schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    /// Every way `value` breaks the schema, as readable lines; empty when it conforms.
    func violations(_ value: Any) -> [String] {
        violations(value, schema: schema, path: "$")
    }

    private func violations(_ value: Any, schema: [String: Any], path: String) -> [String] {
        var out: [String] = []
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) { out.append("\(path): not of type \(allowed)") }
        }
        guard let object = value as? [String: Any] else { return out }
        for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): missing \(key)") }
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        for (key, member) in object {
            if let property = properties[key] {
                out += violations(member, schema: property, path: "\(path).\(key)")
            } else if schema["additionalProperties"] as? Bool == false {
                out.append("\(path): unexpected \(key)")
            }
        }
        return out
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "number": return value is NSNumber
        case "integer": return (value as? NSNumber).map { $0.doubleValue.rounded() == $0.doubleValue } ?? false
        default: return false
        }
    }
}
