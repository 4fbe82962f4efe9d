import Foundation

/// The language a person reads: Simplified Chinese unless the client prefers English.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// The language an `Accept-Language` header prefers (RFC 9110 §12.5.4): the `zh` or `en` range
    /// with the highest q-value, the earlier one on a tie; Chinese when neither is acceptable or the
    /// header is absent. `*` counts for Chinese.
    public init(acceptLanguage header: String?) {
        var best: (language: Language, quality: Double)?
        for range in (header ?? "").split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
            guard let tag = parts.first, let language = Language(tag: tag) else { continue }
            let quality = parts.dropFirst().lazy.compactMap(Self.quality).first ?? 1
            if quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        self = best?.language ?? .zh
    }

    init?(tag: String) {
        if tag == "*" || tag == "zh" || tag.hasPrefix("zh-") { self = .zh }
        else if tag == "en" || tag.hasPrefix("en-") { self = .en }
        else { return nil }
    }

    /// `q=0.8` → 0.8; nil for any other parameter or a malformed weight.
    static func quality(_ parameter: String) -> Double? {
        guard parameter.hasPrefix("q=") else { return nil }
        return Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) }
    }
}
