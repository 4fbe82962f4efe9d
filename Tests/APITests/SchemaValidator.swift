import API
import Campaign
import Foundation

/// Checks a JSON value against the JSON Schema subset the OpenAPI document uses
/// (type, properties, required, items, enum, pattern, formats date and date-time, oneOf, $ref), listing every mismatch.
struct SchemaValidator {
    let components: [String: JSONValue]

    func errors(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let schema) = schema else { return [] }
        if case .string(let ref)? = schema["$ref"] {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] else { return ["\(path): unknown schema \(name)"] }
            return errors(value, target, at: path)
        }
        if case .array(let choices)? = schema["oneOf"] {
            return choices.contains { errors(value, $0, at: path).isEmpty } ? [] : ["\(path): matches none of oneOf"]
        }
        guard case .string(let type)? = schema["type"] else { return [] }
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number):
            return []
        case ("integer", .number(let number)):
            return number == number.rounded(places: 0) ? [] : ["\(path): expected an integer"]
        case ("string", .string(let text)):
            if case .array(let values)? = schema["enum"], !values.contains(.string(text)) { return ["\(path): \(text) not in enum"] }
            if case .string(let pattern)? = schema["pattern"], text.range(of: pattern, options: .regularExpression) == nil {
                return ["\(path): \(text) does not match \(pattern)"]
            }
            if schema["format"] == .string("date"), text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                return ["\(path): \(text) is not a date"]
            }
            if schema["format"] == .string("date-time"),
               text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) == nil {
                return ["\(path): \(text) is not an RFC 3339 timestamp"]
            }
            return []
        case ("array", .array(let items)):
            return items.enumerated().flatMap { errors($1, schema["items"] ?? [:], at: "\(path)[\($0)]") }
        case ("object", .object(let object)):
            guard case .object(let properties)? = schema["properties"] else { return [] }
            var found: [String] = []
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where object[key] == nil { found.append("\(path).\(key): required but missing") }
            }
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                guard let childSchema = properties[key] else {
                    found.append("\(path).\(key): not documented")
                    continue
                }
                found += errors(child, childSchema, at: "\(path).\(key)")
            }
            return found
        default:
            return ["\(path): expected \(type)"]
        }
    }
}
