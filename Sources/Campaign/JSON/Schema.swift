/// A JSON Schema (the subset OpenAPI 3.1 documents here use), written in Swift next to routes and
/// derived from each `JSONRecord`'s members.
public indirect enum Schema: Sendable {
    case string(format: String? = nil, values: [String]? = nil)
    /// A string matching a regular expression.
    case pattern(String)
    case integer
    /// An integer from `minimum`, up to `maximum` when there is one.
    case boundedInteger(minimum: Int, maximum: Int?)
    case number
    /// Text of at most `maxLength` characters.
    case limitedText(maxLength: Int)
    case boolean
    case array(Schema)
    /// An object with its properties; `required` lists the ones always present.
    case object([String: Schema], required: [String])
    /// A named schema in `components.schemas`.
    case ref(String)
    /// The schema or JSON null.
    case nullable(Schema)
    /// Any JSON value.
    case any

    /// An object whose properties are all required.
    public static func record(_ properties: [String: Schema]) -> Schema {
        .object(properties, required: properties.keys.sorted())
    }

    /// A list page: `{"items","total","limit","offset"}`.
    public static func page(of item: Schema) -> Schema {
        .record(["items": .array(item), "total": .integer, "limit": .integer, "offset": .integer])
    }

    /// A row's id: a positive 64-bit integer.
    public static let id = Schema.boundedInteger(minimum: 1, maximum: Int(Int64.max))
    /// A campaign year, 2000 to 2100.
    public static let year = Schema.boundedInteger(minimum: 2000, maximum: 2100)
    public static let date = Schema.string(format: "date")
    public static let month = Schema.string(format: "month")
    public static let timestamp = Schema.string(format: "date-time")
    public static let text = Schema.string()

    /// Whether this is a list page (`page(of:)`), which takes `limit` and `offset`.
    public var isPage: Bool {
        guard case .object(let properties, _) = self else { return false }
        return Set(properties.keys) == ["items", "total", "limit", "offset"]
    }

    /// An enumeration's raw values as a string schema.
    public static func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> Schema where E.RawValue == String {
        .string(values: E.allCases.map(\.rawValue))
    }
}
