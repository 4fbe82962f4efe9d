import Foundation

/// The kinds of file a project may carry as evidence: site photos and scanned documents. A file's
/// kind is what its first bytes say, not what the client declares (the two must agree).
public enum AttachmentType: String, CaseIterable, Sendable, Codable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"
    case pdf = "application/pdf"

    /// How many leading bytes `sniff` needs to decide.
    public static let sniffLength = 12

    /// The type whose signature `head` (the file's first bytes) starts with, or nil.
    public static func sniff(_ head: some Collection<UInt8>) -> AttachmentType? {
        let bytes = Array(head.prefix(sniffLength))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + signature.count && Array(bytes[offset..<(offset + signature.count)]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// A declared `Content-Type` (parameters and case ignored) as one of the types, or nil.
    public init?(mediaType: String) {
        let essence = MediaTypeEssence(mediaType)
        guard let type = Self.allCases.first(where: { essence.is($0.rawValue) }) else { return nil }
        self = type
    }

    /// The accepted media types, for messages.
    public static let accepted = allCases.map(\.rawValue).joined(separator: ", ")
}
