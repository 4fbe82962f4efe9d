import Campaign
import Foundation
import NIOCore

/// Encodes an `Encodable` value straight into JSON bytes, members in the order the value encodes
/// them.
///
/// Responses are the server's hottest path, and Foundation's `JSONEncoder` first builds a tree of
/// boxed values with a key dictionary per object (half of the CPU time of a project list went
/// there). This encoder appends to one buffer: a `JSONObject` writes its members directly, any
/// other value through `StreamEncoder`. It writes what `JSONEncoder` with `.withoutEscapingSlashes`
/// writes, member order aside: `Decimal` as an exact number, `Date` as an RFC 3339 UTC timestamp
/// in whole seconds (`2026-03-01T08:30:00Z`).
public enum JSONStreamEncoder {
    /// The JSON text of `value`.
    public static func encode(_ value: some Encodable) throws -> ByteBuffer {
        let sink = JSONSink()
        try sink.writeValue(value, parent: nil, key: nil)
        if let failure = sink.failure { throw failure }
        return sink.text.buffer
    }
}

/// The text that every encoder of one value writes to.
final class JSONSink {
    var text = JSONText()
    /// The first error raised while encoding, even one that the value's own code caught: the
    /// text may be incomplete, so the value fails to encode.
    private(set) var failure: (any Error)?

    init() { text.buffer.reserveCapacity(16_384) }

    /// Writes `value`: a `JSONObject` member by member, anything else through a `StreamEncoder`.
    func writeValue<T: Encodable>(_ value: T, parent: StreamEncoder?, key: (any CodingKey)?) throws {
        if let object = value as? any JSONObject {
            try writeObject(object, parent: parent)
        } else {
            try StreamEncoder(sink: self, parent: parent, key: key).encodeValue(value)
        }
    }

    /// `{`, the object's members, `}`; the text moves into the writer and back, uncopied.
    func writeObject(_ object: some JSONObject, parent: StreamEncoder?) throws {
        var writer = JSONBytesWriter(sink: self, parent: parent)
        swap(&writer.text, &text)
        defer { swap(&writer.text, &text) }
        writer.text.append(UInt8(ascii: "{"))
        do {
            try object.writeMembers(to: &writer)
        } catch {
            throw fail(error)
        }
        writer.text.append(UInt8(ascii: "}"))
    }

    /// Records `error` (the first one counts) and returns it to throw.
    @discardableResult
    func fail(_ error: any Error) -> any Error {
        if failure == nil { failure = error }
        return error
    }
}

/// Writes a `JSONObject`'s members: the text is its own while it writes, the sink's while a
/// member is encoded through `Encodable`.
struct JSONBytesWriter: JSONMemberWriter {
    var text = JSONText()
    let sink: JSONSink
    /// The encoder around the object, for the coding path of errors in members written through
    /// `Encodable` (the path names the member, not the object's own key).
    let parent: StreamEncoder?
    private var first = true

    init(sink: JSONSink, parent: StreamEncoder?) {
        self.sink = sink
        self.parent = parent
    }

    mutating func write(_ key: String, _ value: String?) throws {
        begin(key)
        if let value { text.append(string: value) } else { text.append("null") }
    }

    mutating func write(_ key: String, _ value: Int64?) throws {
        begin(key)
        if let value { text.append(integer: value) } else { text.append("null") }
    }

    mutating func write(_ key: String, _ value: Int?) throws { try write(key, value.map(Int64.init)) }
    mutating func write(_ key: String, _ value: Decimal?) throws {
        begin(key)
        if let value { text.append(decimal: value) } else { text.append("null") }
    }

    mutating func write(_ key: String, _ value: Bool?) throws {
        begin(key)
        text.append(value.map { $0 ? "true" : "false" } ?? "null")
    }

    mutating func write(_ key: String, _ value: Date?) throws {
        begin(key)
        if let value { text.append(timestamp: value) } else { text.append("null") }
    }

    mutating func write(_ key: String, encoding value: some Encodable) throws {
        begin(key)
        swap(&text, &sink.text)
        defer { swap(&text, &sink.text) }
        try sink.writeValue(value, parent: parent, key: MemberKey(key))
    }

    private mutating func begin(_ key: String) {
        text.append(memberName: key, first: first)
        first = false
    }
}
