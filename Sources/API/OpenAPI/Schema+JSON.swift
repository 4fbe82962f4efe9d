import Campaign
import Foundation

extension Schema {
    /// The schema as a JSON value.
    public var json: JSONValue {
        switch self {
        case .string(let format, let values):
            var object: [String: JSONValue] = ["type": "string"]
            if let format {
                if format == "month" { object["pattern"] = "^[0-9]{4}-[0-9]{2}$" } else { object["format"] = .string(format) }
            }
            if let values { object["enum"] = .array(values.map(JSONValue.string)) }
            return .object(object)
        case .pattern(let expression): return ["type": "string", "pattern": .string(expression)]
        case .integer: return ["type": "integer"]
        case .boundedInteger(let minimum, let maximum):
            var object: [String: JSONValue] = ["type": "integer", "minimum": .number(Decimal(minimum))]
            if let maximum { object["maximum"] = .number(Decimal(maximum)) }
            return .object(object)
        case .number: return ["type": "number"]
        case .limitedText(let maxLength): return ["type": "string", "maxLength": .number(Decimal(maxLength))]
        case .boolean: return ["type": "boolean"]
        case .array(let items): return ["type": "array", "items": items.json]
        case .object(let properties, let required):
            return [
                "type": "object",
                "properties": .object(properties.mapValues(\.json)),
                "required": .array(required.map(JSONValue.string)),
            ]
        case .ref(let name): return ["$ref": .string("#/components/schemas/\(name)")]
        case .nullable(let schema): return ["oneOf": [schema.json, ["type": "null"]]]
        case .any: return [:]
        }
    }
}
