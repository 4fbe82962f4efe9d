/// `Content-Disposition: attachment` for a file name in any script (RFC 6266): an ASCII
/// `filename` for old clients and the exact name as UTF-8 in `filename*` (RFC 8187).
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        "attachment; filename=\"\(asciiFallback(filename))\"; filename*=UTF-8''\(percentEncoded(filename))"
    }

    /// The name with every character outside printable ASCII, and `"` `\` `%`, as `_`; the
    /// extension survives, so `现场照片.jpg` → `____.jpg`.
    static func asciiFallback(_ name: String) -> String {
        String(name.unicodeScalars.map { scalar -> Character in
            (0x20..<0x7F).contains(scalar.value) && !"\"\\%".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
    }

    /// RFC 8187 `value-chars`: `attr-char`s as they are, every other UTF-8 byte as `%XX`.
    static func percentEncoded(_ name: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        return name.utf8.map { byte in
            unreserved.contains(byte) ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }.joined()
    }
}
