import Foundation

/// A Swift value that can be read from a text-format result column.
public protocol PostgresDecodable {
    /// Decodes a non-NULL value from PostgreSQL's text output format.
    init(postgresText text: String, type: PostgresType) throws
    /// Decodes a non-NULL value from the bytes of its text output, as libpq holds them; numbers,
    /// timestamps and booleans read them in place instead of building a String first.
    init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws
    /// The value for SQL NULL; throws unless the type is optional.
    static func postgresNull() throws -> Self
}

extension PostgresDecodable {
    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        try self.init(postgresText: String(decoding: bytes, as: UTF8.self), type: type)
    }

    public static func postgresNull() throws -> Self {
        throw PostgresError(.decoding, reason: "unexpected NULL for non-optional \(Self.self)")
    }
}

/// The value of ASCII decimal digits with an optional leading minus; nil for anything else or
/// on overflow.
func parseInteger<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, as type: T.Type) -> T? {
    var index = 0, negative = false
    if bytes.first == UInt8(ascii: "-") { negative = true; index = 1 }
    guard index < bytes.count else { return nil }
    var value: T = 0
    while index < bytes.count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (times, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, carry) = negative ? times.subtractingReportingOverflow(T(digit)) : times.addingReportingOverflow(T(digit))
        guard !overflow, !carry else { return nil }
        value = sum
        index += 1
    }
    return value
}

/// Made once: building a `Locale` for every decoded `numeric` is costly on a hot path.
let posixLocale = Locale(identifier: "en_US_POSIX")

func decodingError<T>(_ type: T.Type, _ pgType: PostgresType) -> PostgresError {
    PostgresError(.decoding, reason: "cannot decode \(pgType) as \(T.self)")
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws {
        self = .some(try Wrapped(postgresText: text, type: type))
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        self = .some(try Wrapped(postgresBytes: bytes, type: type))
    }

    public static func postgresNull() throws -> Self { nil }
}

extension String: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws { self = text }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws {
        guard let value = Int(text) else { throw decodingError(Int.self, type) }
        self = value
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard let value = parseInteger(bytes, as: Int.self) else { throw decodingError(Int.self, type) }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws {
        guard let value = Int64(text) else { throw decodingError(Int64.self, type) }
        self = value
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard let value = parseInteger(bytes, as: Int64.self) else { throw decodingError(Int64.self, type) }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws {
        guard let value = Int32(text) else { throw decodingError(Int32.self, type) }
        self = value
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard let value = parseInteger(bytes, as: Int32.self) else { throw decodingError(Int32.self, type) }
        self = value
    }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws {
        guard let value = Double(text) else { throw decodingError(Double.self, type) }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw decodingError(Bool.self, type)
        }
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard bytes.count == 1 else { try self.init(postgresText: String(decoding: bytes, as: UTF8.self), type: type); return }
        switch bytes[0] {
        case UInt8(ascii: "t"): self = true
        case UInt8(ascii: "f"): self = false
        default: throw decodingError(Bool.self, type)
        }
    }
}

extension Decimal: PostgresDecodable {
    /// Decodes `numeric` exactly (up to 38 significant digits).
    public init(postgresText text: String, type: PostgresType) throws {
        var digits = text
        guard let value = digits.withUTF8({ DecimalDigits.decimal($0) }) ?? Decimal(string: text, locale: posixLocale) else {
            throw decodingError(Decimal.self, type)
        }
        self = value
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard let value = DecimalDigits.decimal(bytes) else {
            try self.init(postgresText: String(decoding: bytes, as: UTF8.self), type: type)
            return
        }
        self = value
    }
}

extension Date: PostgresDecodable {
    /// Decodes `timestamptz` as printed by a session whose time zone is UTC.
    public init(postgresText text: String, type: PostgresType) throws {
        guard let value = PostgresTimestamp.parse(text) else { throw decodingError(Date.self, type) }
        self = value
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard let value = PostgresTimestamp.parse(bytes) else { throw decodingError(Date.self, type) }
        self = value
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// Decodes a one-dimensional array such as `{a,"b c",NULL}`.
    public init(postgresText text: String, type: PostgresType) throws {
        guard let elements = PostgresArrayLiteral.parse(text) else { throw decodingError([Element].self, type) }
        self = try elements.map { element in
            guard let element else { return try Element.postgresNull() }
            return try Element(postgresText: element, type: .text)
        }
    }
}
