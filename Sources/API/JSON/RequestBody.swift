import Campaign
import Foundation
import Hummingbird

/// A JSON object request body, read field by field into a `Validator`.
///
/// Every accessor marks its field as known; `finish()` then reports unknown fields and throws a
/// 422 listing every problem at once. Absent fields return nil; `null` is allowed only where an
/// accessor is asked for a nullable value (`present(_:)` tells absent from null for PATCH).
public struct RequestBody: Sendable {
    public private(set) var fields: [String: JSONValue]
    public var validator = Validator()
    private var known: Set<String> = []

    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// Reads the request's body: 415 unless JSON, 413 over 1 MiB, 400 unless a JSON object.
    public static func read(_ request: Request, context: some RequestContext) async throws -> RequestBody {
        let (_, value) = try await readJSON(request, context: context)
        guard case .object(let fields) = value else {
            throw Problem(.badRequest, .bodyNotObject, ["got": value.typeName])
        }
        return RequestBody(fields: fields)
    }

    /// The body's bytes and value: 415 unless a JSON media type, 413 over the context's limit,
    /// 400 unless strict RFC 8259 JSON (with where it breaks), 422 naming every number no decimal
    /// holds and every string that holds NUL.
    public static func readJSON(_ request: Request, context: some RequestContext) async throws -> (data: Data, value: JSONValue) {
        guard JSONMediaType.accepts(request.headers[.contentType] ?? "") else {
            throw Problem(.unsupportedMediaType, .jsonContentType)
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let parsed: (value: JSONValue, outOfRange: [String])
        do {
            parsed = try buffer.withUnsafeReadableBytes { try JSONSyntax.parse($0.assumingMemoryBound(to: UInt8.self)) }
        } catch let failure as JSONSyntax.Failure {
            throw Problem(.badRequest, .jsonInvalid, ["reason": failure.description])
        }
        var validator = Validator()
        for field in parsed.outOfRange {
            validator.add(field, .numberOutOfRange)
        }
        parsed.value.rejectNUL(in: &validator)
        if !validator.isValid { throw Problem.invalid(validator.errors) }
        return (Data(buffer: buffer), parsed.value)
    }

    /// Whether the client sent the field at all (even as null).
    public mutating func present(_ field: String) -> Bool {
        known.insert(field)
        return fields[field] != nil
    }

    /// Throws a 422 for unknown fields and every recorded error.
    public mutating func finish() throws {
        for field in fields.keys.sorted() where !known.contains(field) {
            validator.add(field, .unknownField)
        }
        if !validator.isValid { throw Problem.invalid(validator.errors) }
    }

    private mutating func value(_ field: String, nullable: Bool, expected: Expected) -> JSONValue? {
        known.insert(field)
        guard let value = fields[field] else { return nil }
        if case .null = value {
            if !nullable { validator.add(field, .mustNotBeNull, expected.arguments) }
            return nil
        }
        return value
    }

    private mutating func wrongType<T>(_ field: String, _ value: JSONValue, _ expected: Expected) -> T? {
        validator.add(field, .wrongType, expected.arguments.merging(["got": value.typeName]) { $1 })
        return nil
    }

    /// A JSON string (raw; use `Validator` checks for meaning).
    public mutating func rawString(_ field: String, nullable: Bool = false) -> String? {
        guard let value = value(field, nullable: nullable, expected: .text) else { return nil }
        guard case .string(let text) = value else { return wrongType(field, value, .text) }
        return text
    }

    /// A JSON number, exactly.
    public mutating func rawNumber(_ field: String, nullable: Bool = false) -> Decimal? {
        guard let value = value(field, nullable: nullable, expected: .number) else { return nil }
        guard case .number(let number) = value else { return wrongType(field, value, .number) }
        return number
    }

    /// A JSON boolean.
    public mutating func bool(_ field: String, required: Bool = false, nullable: Bool = false) -> Bool? {
        guard let value = value(field, nullable: nullable, expected: .boolean) else {
            if required, fields[field] == nil { validator.add(field, .requiredBoolean) }
            return nil
        }
        guard case .bool(let flag) = value else { return wrongType(field, value, .boolean) }
        return flag
    }

    /// A text field, trimmed, not blank, at most `maxLength` characters.
    public mutating func string(_ field: String, maxLength: Int, required: Bool = true, nullable: Bool = false) -> String? {
        let raw = rawString(field, nullable: nullable)
        if raw == nil, fields[field] != nil { return nil }
        return validator.string(raw, field: field, maxLength: maxLength, required: required)
    }

    /// One of an enumeration's values.
    public mutating func choice<E: RawRepresentable & CaseIterable>(
        _ field: String, as type: E.Type = E.self, required: Bool = true
    ) -> E? where E.RawValue == String {
        let raw = rawString(field)
        if raw == nil, fields[field] != nil { return nil }
        return validator.choice(raw, field: field, required: required)
    }

    /// A `YYYY-MM-DD` date.
    public mutating func date(_ field: String, required: Bool = true, nullable: Bool = false) -> CalendarDate? {
        let raw = rawString(field, nullable: nullable)
        if raw == nil, fields[field] != nil { return nil }
        return validator.date(raw, field: field, required: required)
    }

    /// Money in 万元: ≥ 0 with at most two decimals.
    public mutating func money(_ field: String, required: Bool = true, nullable: Bool = false) -> Money? {
        let raw = rawNumber(field, nullable: nullable)
        if raw == nil, fields[field] != nil { return nil }
        return validator.money(raw, field: field, required: required)
    }

    /// A non-negative number with at most two decimals (land in 亩, shares).
    public mutating func quantity(_ field: String, required: Bool = true, nullable: Bool = false) -> Decimal? {
        money(field, required: required, nullable: nullable)?.amount
    }

    /// An id: an integer > 0.
    public mutating func id(_ field: String, required: Bool = true, nullable: Bool = false) -> Int64? {
        let raw = rawNumber(field, nullable: nullable)
        if raw == nil, fields[field] != nil { return nil }
        guard let raw else {
            if required { validator.add(field, .requiredID) }
            return nil
        }
        guard raw > 0, raw.hasAtMost(decimalPlaces: 0), raw < Decimal(Int64.max) else {
            validator.add(field, .notAnID)
            return nil
        }
        return Int64(truncating: raw as NSDecimalNumber)
    }
}

extension RequestBody {
    /// The JSON type a field needs, named in each language for its message.
    enum Expected {
        case text, number, boolean

        var arguments: [String: String] {
            switch self {
            case .text: ["expected": "文字", "expected_en": "a string"]
            case .number: ["expected": "数字", "expected_en": "a number"]
            case .boolean: ["expected": "是或否", "expected_en": "true or false"]
            }
        }
    }
}
