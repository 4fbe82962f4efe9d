import Foundation

/// Members by the type of their value, each with the schema that type has; an optional value's
/// schema is `.nullable`.
extension JSONMember {
    /// Text; `schema` narrows it (`.pattern`, `.limitedText`).
    public static func text(_ name: String, schema: Schema = .text, _ get: @escaping @Sendable (Record) -> String) -> Self {
        .value(name, schema: schema) { .string(get($0)) }
    }

    public static func text(_ name: String, schema: Schema = .text, _ get: @escaping @Sendable (Record) -> String?) -> Self {
        .value(name, schema: .nullable(schema)) { .string(get($0)) }
    }

    /// Text left out of the object when nil (`alwaysPresent` false).
    public static func textIfPresent(_ name: String, _ get: @escaping @Sendable (Record) -> String?) -> Self {
        .value(name, schema: .text, alwaysPresent: false) { get($0).map { .string($0) } ?? .absent }
    }

    /// A row's id (`Schema.id`).
    public static func id(_ name: String, _ get: @escaping @Sendable (Record) -> Int64) -> Self {
        .value(name, schema: .id) { .int64(get($0)) }
    }

    public static func id(_ name: String, _ get: @escaping @Sendable (Record) -> Int64?) -> Self {
        .value(name, schema: .nullable(.id)) { .int64(get($0)) }
    }

    /// A count or a version; `schema` bounds it.
    public static func integer(_ name: String, schema: Schema = .integer, _ get: @escaping @Sendable (Record) -> Int) -> Self {
        .value(name, schema: schema) { .int(get($0)) }
    }

    public static func integer(_ name: String, schema: Schema = .integer, _ get: @escaping @Sendable (Record) -> Int?) -> Self {
        .value(name, schema: .nullable(schema)) { .int(get($0)) }
    }

    public static func integer(_ name: String, _ get: @escaping @Sendable (Record) -> Int64) -> Self {
        .value(name, schema: .integer) { .int64(get($0)) }
    }

    /// A campaign year (`Schema.year`).
    public static func year(_ name: String, _ get: @escaping @Sendable (Record) -> Int) -> Self {
        integer(name, schema: .year, get)
    }

    /// An amount (万元, 亩) or a ratio.
    public static func number(_ name: String, _ get: @escaping @Sendable (Record) -> Decimal) -> Self {
        .value(name, schema: .number) { .decimal(get($0)) }
    }

    public static func number(_ name: String, _ get: @escaping @Sendable (Record) -> Decimal?) -> Self {
        .value(name, schema: .nullable(.number)) { .decimal(get($0)) }
    }

    public static func boolean(_ name: String, _ get: @escaping @Sendable (Record) -> Bool) -> Self {
        .value(name, schema: .boolean) { .bool(get($0)) }
    }

    /// An instant, as an RFC 3339 timestamp.
    public static func timestamp(_ name: String, _ get: @escaping @Sendable (Record) -> Date) -> Self {
        .value(name, schema: .timestamp) { .date(get($0)) }
    }

    public static func timestamp(_ name: String, _ get: @escaping @Sendable (Record) -> Date?) -> Self {
        .value(name, schema: .nullable(.timestamp)) { .date(get($0)) }
    }

    /// `YYYY-MM`.
    public static func month(_ name: String, _ get: @escaping @Sendable (Record) -> Month) -> Self {
        .value(name, schema: .month) { .string(get($0).description) }
    }

    public static func month(_ name: String, _ get: @escaping @Sendable (Record) -> Month?) -> Self {
        .value(name, schema: .nullable(.month)) { .string(get($0)?.description) }
    }

    /// `YYYY-MM-DD`.
    public static func date(_ name: String, _ get: @escaping @Sendable (Record) -> CalendarDate) -> Self {
        .value(name, schema: .date) { .string(get($0).description) }
    }

    public static func date(_ name: String, _ get: @escaping @Sendable (Record) -> CalendarDate?) -> Self {
        .value(name, schema: .nullable(.date)) { .string(get($0)?.description) }
    }

    /// An enumeration's raw value, its cases the schema's choices.
    public static func choice<Choice: RawRepresentable<String> & CaseIterable & Sendable>(
        _ name: String, _ get: @escaping @Sendable (Record) -> Choice
    ) -> Self {
        .value(name, schema: .choice(Choice.self)) { .string(get($0).rawValue) }
    }

    public static func choice<Choice: RawRepresentable<String> & CaseIterable & Sendable>(
        _ name: String, _ get: @escaping @Sendable (Record) -> Choice?
    ) -> Self {
        .value(name, schema: .nullable(.choice(Choice.self))) { .string(get($0)?.rawValue) }
    }

    /// A nested record: its own schema, or a reference to the component schema named `component`.
    public static func nested<Nested: JSONRecord & Sendable>(
        _ name: String, component: String? = nil, _ get: @escaping @Sendable (Record) -> Nested
    ) -> Self {
        .encoded(name, schema: component.map(Schema.ref) ?? Nested.schema, get)
    }

    public static func nested<Nested: JSONRecord & Sendable>(
        _ name: String, component: String? = nil, _ get: @escaping @Sendable (Record) -> Nested?
    ) -> Self {
        .encoded(name, schema: .nullable(component.map(Schema.ref) ?? Nested.schema), get)
    }

    /// A list of nested records.
    public static func list<Nested: JSONRecord & Sendable>(
        _ name: String, component: String? = nil, _ get: @escaping @Sendable (Record) -> [Nested]
    ) -> Self {
        .encoded(name, schema: .array(component.map(Schema.ref) ?? Nested.schema), get)
    }
}
