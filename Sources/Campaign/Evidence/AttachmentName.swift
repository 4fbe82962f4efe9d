import Foundation

/// The name an attachment is stored and downloaded under, made safe from the one the client
/// gave: NFC, without bidirectional controls (`rlo‮gnp.exe` would show as `…exe.png`), and with
/// an extension of the type its bytes were found to be, so that opening the download never runs
/// another kind of file. Lengths count Unicode scalars, as PostgreSQL's `length` does.
public enum AttachmentName {
    /// The longest name, in Unicode scalars (the database's check, migration 0031).
    public static let maxLength = 255

    /// U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
    static let bidiControls = Set<UInt32>(0x202A...0x202E).union(Set<UInt32>(0x2066...0x2069))

    /// `name` in NFC, bidi controls removed, trimmed; nil when nothing is left.
    public static func cleaned(_ name: String) -> String? {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: name.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !bidiControls.contains($0.value) })
        let text = String(scalars).trimmingWhiteSpace()
        return text.isEmpty ? nil : text
    }

    /// `cleaned` with an extension of `type`: kept when it already is one (any case), else
    /// appended; the name before it is shortened when the whole would exceed `maxLength`.
    public static func stored(_ cleaned: String, as type: AttachmentType) -> String {
        let dot = cleaned.lastIndex(of: ".")
        if let dot, type.extensions.contains(cleaned[cleaned.index(after: dot)...].lowercased()) { return cleaned }
        let suffix = "." + type.extensions[0]
        var stem = Substring(cleaned)
        while stem.unicodeScalars.count + suffix.unicodeScalars.count > maxLength { stem.removeLast() }
        return String(stem) + suffix
    }
}

extension AttachmentType {
    /// File-name extensions of the type, the usual one first.
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        case .png: ["png"]
        case .webp: ["webp"]
        case .pdf: ["pdf"]
        }
    }
}
