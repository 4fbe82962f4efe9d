import Campaign
import Foundation

/// The `Encoder` of one JSON value in a `JSONSink`: an object once a keyed container is asked for,
/// an array once an unkeyed one is, a scalar through a single-value container. Asking twice for a
/// keyed container continues the same object (a record that writes its fields and then its id).
///
/// Containers are written in order, as the bytes go out: a value's encoder is finished (its
/// bracket closed) when the value's `encode(to:)` returns, and a nested container or
/// super-encoder when its parent writes its next member or ends. Writing to a finished encoder,
/// or to one whose member is still being encoded, cannot be put right in a stream: it is
/// recorded on the sink, and the whole value fails to encode rather than give broken JSON.
final class StreamEncoder: Encoder {
    enum Shape { case none, object, array, scalar }

    let sink: JSONSink
    let parent: StreamEncoder?
    let key: (any CodingKey)?
    private var shape = Shape.none
    /// Members or elements written so far.
    private(set) var count = 0
    /// A nested container's encoder, still open.
    private var open: StreamEncoder?
    /// A member's value is being encoded below this encoder.
    private var busy = false
    private var finished = false

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
        try checkWritable()
        try closeOpen()
        if let key {
            sink.text.append(key: key.stringValue, first: count == 0)
        } else if count > 0 {
            sink.text.append(UInt8(ascii: ","))
        }
        count += 1
    }

    /// Encodes `value` as the member just begun. A failure fails the whole value, even if the
    /// caller catches it: the member's key is already written.
    func encodeMember<T: Encodable>(_ value: T, key: (any CodingKey)?) throws {
        if writeKnown(value) { return }
        busy = true
        defer { busy = false }
        do {
            if let object = value as? any JSONObject {
                try sink.writeObject(object, parent: self)
            } else {
                try StreamEncoder(sink: sink, parent: self, key: key).encodeValue(value)
            }
        } catch {
            throw sink.fail(error)
        }
    }

    /// A child encoder left open for a nested container or super-encoder.
    func openChild(key: (any CodingKey)?) -> StreamEncoder {
        let child = StreamEncoder(sink: sink, parent: self, key: key)
        open = child
        return child
    }

    /// Starts a scalar; `write` puts its text.
    func scalar(_ write: () -> Void) throws {
        try checkWritable()
        guard shape == .none else { throw misuse("a single value was encoded into a value that already has one") }
        shape = .scalar
        write()
    }

    /// A single-value container's value: a known scalar, or whatever `value` encodes itself as.
    func encodeScalar<T: Encodable>(_ value: T) throws {
        try checkWritable()
        guard shape == .none else { throw misuse("a single value was encoded into a value that already has one") }
        if writeKnown(value) { shape = .scalar } else { try value.encode(to: self) }
    }

    /// Writes JSON text that the value wrote itself (`RecordRows`) as this encoder's whole value.
    func encodeText(_ write: (inout JSONText) throws -> Void) throws {
        try checkWritable()
        guard shape == .none else { throw misuse("a value wrote its own text into a value that already has one") }
        shape = .scalar
        try write(&sink.text)
    }

    /// Writes the scalars JSON knows (and `Data` as base64, `URL` as its text, as `JSONEncoder`
    /// does); false for any other type.
    func writeKnown<T: Encodable>(_ value: T) -> Bool {
        if T.self == String.self { sink.text.append(string: value as! String) }
        else if T.self == Int.self { sink.text.append(raw: String(value as! Int)) }
        else if T.self == Int64.self { sink.text.append(raw: String(value as! Int64)) }
        else if T.self == Bool.self { sink.text.append((value as! Bool) ? "true" : "false") }
        else if T.self == Decimal.self { sink.text.append(decimal: value as! Decimal) }
        else if T.self == Date.self { sink.text.append(timestamp: value as! Date) }
        else if T.self == Int32.self { sink.text.append(raw: String(value as! Int32)) }
        else if T.self == Data.self { sink.text.append(string: (value as! Data).base64EncodedString()) }
        else if T.self == URL.self { sink.text.append(string: (value as! URL).absoluteString) }
        else { return false }
        return true
    }

    /// Records a misuse of the Codable protocol on the sink and returns it to throw.
    func misuse(_ problem: String) -> any Error {
        sink.fail(EncodingError.invalidValue(
            problem, EncodingError.Context(codingPath: codingPath, debugDescription: "invalid use of the encoder: \(problem)")))
    }

    // MARK: Structure

    private func checkWritable() throws {
        if finished { throw misuse("a container was written after its value was finished; containers must be used in order") }
        if busy { throw misuse("a container was written while one of its members was being encoded") }
    }

    private func begin(_ wanted: Shape) {
        do {
            try checkWritable()
        } catch {
            return
        }
        switch shape {
        case .none:
            shape = wanted
            sink.text.append(UInt8(ascii: wanted == .object ? "{" : "["))
        case wanted:
            break
        default:
            _ = misuse("a \(wanted == .object ? "keyed" : "unkeyed") container was asked of a value already encoded otherwise")
        }
    }

    private func closeOpen() throws {
        guard let child = open else { return }
        open = nil
        try child.finish()
    }

    /// Closes the value: its bracket, or `{}` when it encoded nothing (as `JSONEncoder` does for a
    /// nested value).
    func finish() throws {
        try closeOpen()
        guard !finished else { return }
        finished = true
        switch shape {
        case .object: sink.text.append(UInt8(ascii: "}"))
        case .array: sink.text.append(UInt8(ascii: "]"))
        case .none: sink.text.append("{}")
        case .scalar: break
        }
    }
}
