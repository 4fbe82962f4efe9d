import Campaign
import Foundation

/// The `Encoder` of one JSON value in a `JSONSink`: an object once a keyed container is asked for,
/// an array once an unkeyed one is, a scalar through a single-value container. Asking twice for a
/// keyed container continues the same object (a record that writes its fields and then its id).
///
/// A value's encoder is finished (its bracket closed) when the value's `encode(to:)` returns; a
/// nested container or super-encoder is finished when its parent writes its next member or ends.
final class StreamEncoder: Encoder {
    enum Shape { case none, object, array, scalar }

    let sink: JSONSink
    private(set) var parent: StreamEncoder?
    private(set) var key: (any CodingKey)?
    private var shape = Shape.none
    /// Members or elements written so far.
    private(set) var count = 0
    /// A nested container's encoder, still open.
    private var open: StreamEncoder?
    /// A finished child, reused for the next member (values are encoded one after another).
    private var spare: StreamEncoder?
    /// The first misuse of the protocol, thrown when the value is finished.
    private var misuse: String?

    init(sink: JSONSink, parent: StreamEncoder?, key: (any CodingKey)?) {
        self.sink = sink
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] { (parent?.codingPath ?? []) + (key.map { [$0] } ?? []) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        begin(.object)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        begin(.array)
        return StreamUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StreamSingleValueContainer(encoder: self) }

    // MARK: Writing

    /// Encodes `value` as this encoder's whole value and closes it.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if writeKnown(value) { shape = .scalar } else { try value.encode(to: self) }
        try finish()
    }

    /// Writes the separator (and key) of the next member or element.
    func beginMember(key: (any CodingKey)? = nil) throws {
        try closeOpen()
        if let key {
            sink.text.append(key: key.stringValue, first: count == 0)
        } else if count > 0 {
            sink.text.append(UInt8(ascii: ","))
        }
        count += 1
    }

    /// Encodes `value` as the member just begun.
    func encodeMember<T: Encodable>(_ value: T, key: (any CodingKey)?) throws {
        if writeKnown(value) { return }
        if let object = value as? any JSONObject { return try sink.writeObject(object, parent: self) }
        let child = makeChild(key: key)
        try child.encodeValue(value)
        spare = child
    }

    /// A child encoder left open for a nested container or super-encoder.
    func openChild(key: (any CodingKey)?) -> StreamEncoder {
        let child = StreamEncoder(sink: sink, parent: self, key: key)
        open = child
        return child
    }

    /// Starts a scalar; `write` puts its text.
    func scalar(_ write: () -> Void) {
        guard shape == .none else { return note("a single value was encoded into a value that already has one") }
        shape = .scalar
        write()
    }

    /// A single-value container's value: a known scalar, or whatever `value` encodes itself as.
    func encodeScalar<T: Encodable>(_ value: T) throws {
        guard shape == .none else { return note("a single value was encoded into a value that already has one") }
        if writeKnown(value) { shape = .scalar } else { try value.encode(to: self) }
    }

    /// Writes the scalars JSON knows; false for any other type.
    func writeKnown<T: Encodable>(_ value: T) -> Bool {
        if T.self == String.self { sink.text.append(string: value as! String) }
        else if T.self == Int.self { sink.text.append(raw: String(value as! Int)) }
        else if T.self == Int64.self { sink.text.append(raw: String(value as! Int64)) }
        else if T.self == Bool.self { sink.text.append((value as! Bool) ? "true" : "false") }
        else if T.self == Decimal.self { sink.text.append(raw: (value as! Decimal).description) }
        else if T.self == Date.self { sink.text.append(timestamp: value as! Date) }
        else if T.self == Int32.self { sink.text.append(raw: String(value as! Int32)) }
        else { return false }
        return true
    }

    func note(_ problem: String) {
        if misuse == nil { misuse = problem }
    }

    // MARK: Structure

    private func begin(_ wanted: Shape) {
        switch shape {
        case .none:
            shape = wanted
            sink.text.append(UInt8(ascii: wanted == .object ? "{" : "["))
        case wanted:
            break
        default:
            note("a \(wanted == .object ? "keyed" : "unkeyed") container was asked of a value already encoded otherwise")
        }
    }

    private func closeOpen() throws {
        guard let child = open else { return }
        open = nil
        try child.finish()
    }

    /// Closes the value: its bracket, or `{}` when it encoded nothing (as `JSONEncoder` does).
    func finish() throws {
        try closeOpen()
        switch shape {
        case .object: sink.text.append(UInt8(ascii: "}"))
        case .array: sink.text.append(UInt8(ascii: "]"))
        case .none: sink.text.append("{}")
        case .scalar: break
        }
        if let misuse {
            throw EncodingError.invalidValue(
                misuse, EncodingError.Context(codingPath: codingPath, debugDescription: "invalid use of the encoder: \(misuse)"))
        }
    }

    private func makeChild(key: (any CodingKey)?) -> StreamEncoder {
        guard let child = spare else { return StreamEncoder(sink: sink, parent: self, key: key) }
        spare = nil
        child.key = key
        child.shape = .none
        child.count = 0
        return child
    }
}
