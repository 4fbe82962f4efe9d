import Campaign
import Foundation

/// Which `Content-Type` a JSON request body may have: `application/json` or any `type/name+json`
/// (RFC 6839 suffix), with optional parameters; a `charset` must be UTF-8 (RFC 8259 §8.1).
/// `application/jsonx` or `application/json-seq` are other formats, not JSON.
enum JSONMediaType {
    /// Whether the header value names JSON.
    static func accepts(_ contentType: String) -> Bool {
        // What nearly every client sends, answered from the bytes.
        if !contentType.utf8.contains(UInt8(ascii: ";")), MediaTypeEssence(contentType).is("application/json") { return true }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingSpaces().lowercased()
        }
        let halves = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, halves.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isTokenCharacter) }) else { return false }
        guard parts[0] == "application/json" || (halves[1].hasSuffix("+json") && halves[1].count > 5) else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard pair.count == 2, !pair[0].isEmpty else { return false }
            if pair[0] == "charset", !["utf-8", "\"utf-8\"", "utf8"].contains(pair[1]) { return false }
        }
        return true
    }

    /// RFC 9110 token characters.
    private static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, ascii > 0x20, ascii < 0x7F else { return false }
        return !"()<>@,;:\\\"/[]?={}".contains(character)
    }
}
