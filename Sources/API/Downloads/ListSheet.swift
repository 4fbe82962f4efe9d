import Campaign
import Foundation
import Spreadsheet

/// A list's items as sheet rows, for lists with no export of their own: the columns are the
/// members of the item's OpenAPI schema (the one declaration of what an item holds), headed
/// and typed by `ListColumns`. A nested reference is shown by its name (`agency` → the agency's
/// name, `submitted_by` → the person's name), a project by its code and name.
struct ListSheet {
    enum Kind { case text, number, integer, boolean, date, month, timestamp, json }

    struct Field {
        let path: [String]
        let column: Column
        let kind: Kind
        let labels: [String: String]
    }

    let fields: [Field]

    /// The sheet of items of the component schema `name`; nil when it names none.
    init?(itemSchema name: String) {
        guard let schema = OpenAPIComponents.schemas[name] else { return nil }
        let found = Self.fields(of: schema, path: [])
        guard !found.isEmpty else { return nil }
        fields = found.sorted { ($0.order, $0.field.path.joined(separator: ".")) < ($1.order, $1.field.path.joined(separator: ".")) }.map(\.field)
    }

    var columns: [Column] { fields.map(\.column) }

    /// One item's row.
    func row(_ item: JSONValue) -> [Cell] {
        fields.map { field in
            var value = item
            for key in field.path {
                guard case .object(let members) = value, let member = members[key] else { return .empty }
                value = member
            }
            return Self.cell(value, field)
        }
    }

    private static func cell(_ value: JSONValue, _ field: Field) -> Cell {
        switch (value, field.kind) {
        case (.null, _): return .empty
        case (.bool(let flag), _): return .text(flag ? "是" : "否")
        case (.number(let number), _): return .number(number)
        case (.string(let text), .date), (.string(let text), .month):
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count >= 2 else { return .text(text) }
            return .date(year: parts[0], month: parts[1], day: parts.count > 2 ? parts[2] : 1)
        case (.string(let text), .timestamp):
            guard let date = Timestamp.parse(text) else { return .text(text) }
            return .dateTime(LocalDateTime(date))
        case (.string(let text), _): return .text(field.labels[text] ?? text)
        case (.array(let values), _) where values.allSatisfy({ if case .string = $0 { true } else { false } }):
            return .text(values.compactMap { if case .string(let text) = $0 { field.labels[text] ?? text } else { nil } }.joined(separator: "、"))
        case (.array, _), (.object, _):
            let bytes = (try? JSONStreamEncoder.encode(value)).map { Array($0.readableBytesView) } ?? []
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Fields of `schema` under `path`, each with its place in `ListColumns`' order.
    private static func fields(of schema: Schema, path: [String]) -> [(order: Int, field: Field)] {
        switch schema {
        case .ref(let name): return OpenAPIComponents.schemas[name].map { fields(of: $0, path: path) } ?? []
        case .nullable(let inner): return fields(of: inner, path: path)
        case .object(let properties, _) where !path.isEmpty:
            // A reference to another row: its name stands for it (a project: code and name).
            if path.last == "project", properties["code"] != nil {
                return ["code", "name"].flatMap { fields(of: properties[$0]!, path: path + [$0]) }
            }
            if let key = ["display_name", "name"].first(where: { properties[$0] != nil }) {
                return leaf(.text, path: path + [key], named: path.joined(separator: "."))
            }
            return properties.flatMap { fields(of: $0.value, path: path + [$0.key]) }
        case .object(let properties, _):
            return properties.flatMap { fields(of: $0.value, path: [$0.key]) }
        case .string(let format, let codes):
            let kind: Kind = switch format {
            case "date": .date
            case "month": .month
            case "date-time": .timestamp
            default: .text
            }
            return leaf(kind, path: path, codes: codes)
        case .pattern, .limitedText: return leaf(.text, path: path)
        case .integer, .boundedInteger: return leaf(.integer, path: path)
        case .number: return leaf(.number, path: path)
        case .boolean: return leaf(.boolean, path: path)
        case .array(.string(_, let codes?)): return leaf(.json, path: path, codes: codes)
        case .array, .any: return leaf(.json, path: path)
        }
    }

    /// One column; a member that lists its `codes` is worded by their vocabulary, any other by
    /// its `ListColumns` entry's words.
    private static func leaf(_ kind: Kind, path: [String], named name: String? = nil, codes: [String]? = nil) -> [(order: Int, field: Field)] {
        let key = name ?? path.joined(separator: ".")
        let found = ListColumns.entry(key)
        let format: Column.Format = found?.entry.format ?? {
            switch kind {
            case .number: .money
            case .integer: .integer
            case .date: .date
            case .month: .month
            case .timestamp: .timestamp
            case .text, .boolean, .json: .text
            }
        }()
        let column = Column(found?.entry.header ?? key, format)
        let labels = codes.flatMap(ListColumns.labels(forCodes:)) ?? found?.entry.labels ?? [:]
        return [(found?.order ?? Int.max, Field(path: path, column: column, kind: kind, labels: labels))]
    }
}

/// RFC 3339 timestamps as the API writes them (with or without fractional seconds).
enum Timestamp {
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
