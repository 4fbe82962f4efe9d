import Campaign
import Foundation
import Postgres

extension CalendarDate: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { description }

    public init(postgresText text: String, type: PostgresType) throws {
        var text = text
        self = try text.withUTF8 { try CalendarDate(postgresBytes: $0, type: type) }
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        guard let date = CalendarDate(utf8: bytes) else {
            throw PostgresError(.decoding, reason: "cannot decode \(type) as CalendarDate")
        }
        self = date
    }
}

extension Month: PostgresEncodable, PostgresDecodable {
    /// A month is stored as the `date` of its first day.
    public var postgresText: String? { firstDay.description }

    public init(postgresText text: String, type: PostgresType) throws {
        self = try CalendarDate(postgresText: text, type: type).yearMonth
    }

    public init(postgresBytes bytes: UnsafeBufferPointer<UInt8>, type: PostgresType) throws {
        self = try CalendarDate(postgresBytes: bytes, type: type).yearMonth
    }
}

extension Money: PostgresEncodable {
    public var postgresText: String? { amount.description }
}
