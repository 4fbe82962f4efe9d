import Foundation
import NIOCore
import Postgres

/// JSON text being written: the response's own `ByteBuffer`, moved between writers without
/// copying and sent as it is.
struct JSONText: JSONBytes {
    var buffer = ByteBuffer()

    mutating func append(_ byte: UInt8) { buffer.writeInteger(byte) }
    mutating func append(raw utf8: UnsafeBufferPointer<UInt8>) { buffer.writeBytes(UnsafeRawBufferPointer(utf8)) }
    /// Text that needs no escaping: numbers, literals, punctuation.
    mutating func append(raw text: String) { buffer.writeString(text) }

    /// A `Decimal` exactly as its `description` spells it (`DecimalText`).
    mutating func append(decimal value: Decimal) {
        DecimalText.withText(of: value) { append(raw: $0) }
    }

    /// A JSON string: quotes, control characters and backslashes escaped; "/" and non-ASCII as is.
    mutating func append(string text: String) {
        var text = text
        text.withUTF8 { append(string: $0) }
    }

    /// `"key":`, after a comma unless it is the object's first member.
    mutating func append(key: String, first: Bool) {
        if !first { append(UInt8(ascii: ",")) }
        append(string: key)
        append(UInt8(ascii: ":"))
    }

    /// `"name":` for a member name of the program's own (a `JSONObject`'s), which never needs
    /// escaping: copied without looking at each byte.
    mutating func append(memberName name: String, first: Bool) {
        assert(!name.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a member name that needs escaping: \(name)")
        if !first { append(UInt8(ascii: ",")) }
        append(UInt8(ascii: "\""))
        buffer.writeString(name)
        append("\":")
    }

    /// `"2026-03-01T08:30:00Z"`: the UTC civil time of `date`, fractional seconds dropped (as
    /// `Date.ISO8601FormatStyle` writes it, which remains the way for dates beyond years 1–9999).
    mutating func append(timestamp date: Date) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, (-62_135_596_800.0..<253_402_300_800.0).contains(interval) else {
            return append(string: date.formatted(Date.ISO8601FormatStyle()))
        }
        let seconds = Int64(interval.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = PostgresDate(daysSince1970: Int(days))
        append(UInt8(ascii: "\""))
        append(integer: Int64(civil.year), width: 4)
        append(UInt8(ascii: "-"))
        append(integer: Int64(civil.month), width: 2)
        append(UInt8(ascii: "-"))
        append(integer: Int64(civil.day), width: 2)
        append(UInt8(ascii: "T"))
        append(integer: secondOfDay / 3600, width: 2)
        append(UInt8(ascii: ":"))
        append(integer: secondOfDay / 60 % 60, width: 2)
        append(UInt8(ascii: ":"))
        append(integer: secondOfDay % 60, width: 2)
        append("Z\"")
    }

    /// Lets `body` write at most `maximum` bytes straight into the buffer's free room (no
    /// growing and no uniqueness check per write, only `JSONRoom`'s bound; nothing is kept if it
    /// throws).
    mutating func withRoom(for maximum: Int, _ body: (inout JSONRoom) throws -> Void) rethrows {
        try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: maximum) { free in
            var room = JSONRoom(start: free.baseAddress!.assumingMemoryBound(to: UInt8.self), capacity: maximum)
            try body(&room)
            return room.count
        }
    }
}

/// Room reserved in a `JSONText`, written through a pointer: each write checks only that it fits
/// (a write that does not is a bug in the reservation, and stops the program rather than
/// overrun the buffer).
struct JSONRoom: JSONBytes {
    private let start: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    init(start: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.start = start
        self.capacity = capacity
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < capacity, "JSON room overrun")
        start[count] = byte
        count += 1
    }

    mutating func append(raw utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        precondition(count + utf8.count <= capacity, "JSON room overrun")
        (start + count).initialize(from: source, count: utf8.count)
        count += utf8.count
    }

    /// What `write` puts in a `JSONText` of its own, copied in: values that go the long way
    /// (through `Decimal` or `Date`).
    mutating func append(_ write: (inout JSONText) throws -> Void) rethrows {
        var text = JSONText()
        try write(&text)
        text.buffer.withUnsafeReadableBytes { append(raw: $0.assumingMemoryBound(to: UInt8.self)) }
    }
}
