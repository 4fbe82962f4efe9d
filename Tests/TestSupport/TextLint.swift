import Foundation

/// What a clerk must never meet in text the server writes: an ASCII field name, an amount of
/// 1,000 or more without thousands separators, a doubled full stop, `null`/`undefined`, or a UTC
/// timestamp.
public enum TextLint {
    static let rules: [(String, String)] = [
        ("an ASCII field name", #"\b[a-z]+(_[a-z]+)+\b"#),
        ("an ungrouped amount", #"(?<![\d,.\-])\d{4,}\.\d+"#),
        ("an ungrouped amount in 万元", #"(?<![\d,.\-])\d{4,}\s*万元"#),
        ("a doubled full stop", "。。"),
        ("null or undefined", #"\b(null|undefined|NaN)\b"#),
        ("a UTC timestamp", #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[+-]00:00\b|\dZ\b"#),
    ]

    /// The rules `text` breaks, by name.
    public static func problems(_ text: String) -> [String] {
        rules.compactMap { name, pattern in text.range(of: pattern, options: .regularExpression) == nil ? nil : name }
    }
}
