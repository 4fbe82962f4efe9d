import Foundation

/// How text the server writes shows values to people: money as `1,473.10 万元`, ratios as
/// percentages with one decimal, months as `2026年11月`, times in county time (Asia/Shanghai) to
/// the minute, and never a doubled full stop.
public enum Wording {
    /// The county's time zone.
    public static let countyTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// `1473.1` → `1,473.10 万元`.
    public static func money(_ amount: Decimal) -> String {
        "\(grouped(amount, decimals: 2)) 万元"
    }

    /// `0.4567` → `45.7%`.
    public static func percent(_ ratio: Decimal) -> String {
        "\(grouped(ratio * 100, decimals: 1))%"
    }

    /// `2026-11` → `2026年11月`.
    public static func month(_ month: Month) -> String {
        "\(month.year)年\(month.month)月"
    }

    /// `2026-11-05` → `2026年11月5日`.
    public static func date(_ date: CalendarDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }

    /// An instant in county time to the minute: `2026年12月6日 04:10`.
    public static func time(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = countyTimeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(parts.year ?? 0)年\(parts.month ?? 0)月\(parts.day ?? 0)日 \(clock)"
    }

    /// A size in bytes as people read it: `3.5 MiB`, `120 KiB`, `12 字节`.
    public static func bytes(_ count: Int) -> String {
        if count >= 1 << 20 { return "\(grouped(Decimal(count) / Decimal(1 << 20), decimals: 1)) MiB" }
        if count >= 1 << 10 { return "\(grouped(Decimal(count) / Decimal(1 << 10), decimals: 1)) KiB" }
        return "\(count) 字节"
    }

    /// A number with thousands separators and exactly `decimals` decimals, rounded half up.
    public static func grouped(_ value: Decimal, decimals: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.minimumFractionDigits = decimals
        formatter.maximumFractionDigits = decimals
        formatter.roundingMode = .halfUp
        let rounded = value.rounded(places: decimals)
        return formatter.string(from: rounded as NSDecimalNumber) ?? "\(rounded)"
    }

    /// A person's text as one sentence inside another: trimmed, without the closing marks
    /// (`。！；，.`) that the surrounding words add themselves (`请补充原因。` → `请补充原因`).
    public static func sentence(_ text: String) -> String {
        var trimmed = Substring(text.trimmingWhiteSpace())
        while let last = trimmed.last, "。．.！!；;，,".contains(last) || last.isWhitespace { trimmed.removeLast() }
        return String(trimmed)
    }

    /// `template` with each `{name}` replaced by `arguments[name]`, and a full stop that an
    /// argument already ended with not doubled (`原因。。` → `原因。`).
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var text = template
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return collapsePunctuation(text)
    }

    /// One full stop where a sentence already ended: `。。`, `！。`, `？。` become one mark.
    public static func collapsePunctuation(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "。", let last = result.last, "。！？；".contains(last) { continue }
            result.append(character)
        }
        return result
    }
}
