/// A `Content-Type` value's essence: `type/subtype`, before any `;` parameters, spaces and tabs
/// trimmed, compared without regard to ASCII case (RFC 9110 §8.3.1). Every request with a body
/// asks what its content type is three times (the body limit, the attachment routes, JSON); this
/// answers by looking at the header's bytes, without the splitting and lowercased copies it took.
public struct MediaTypeEssence: Sendable {
    private let bytes: Substring.UTF8View

    public init(_ contentType: some StringProtocol) {
        let utf8 = Substring(contentType).utf8
        let end = utf8.firstIndex(of: UInt8(ascii: ";")) ?? utf8.endIndex
        var essence = utf8[..<end]
        while let first = essence.first, Self.isSpace(first) { essence.removeFirst() }
        while let last = essence.last, Self.isSpace(last) { essence.removeLast() }
        bytes = essence
    }

    /// Whether the essence is `lowercased` (given in lower case), in any ASCII case.
    public func `is`(_ lowercased: String) -> Bool {
        bytes.elementsEqual(lowercased.utf8) { byte, expected in
            byte == expected || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte | 0x20 == expected)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
