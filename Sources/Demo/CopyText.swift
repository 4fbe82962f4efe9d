import Postgres

/// Formatting of values for COPY's text format.
enum CopyText {
    /// 万元 held as whole fen-of-万元 (hundredths): `123456` → `1234.56`.
    static func money(_ hundredths: Int64) -> String {
        let whole = hundredths / 100
        let cents = Int(hundredths % 100)
        return "\(whole).\(Day.pad(cents))"
    }

    static func bool(_ value: Bool) -> String { value ? "t" : "f" }

    static func text(_ value: String?) -> String { String.copyField(value) }

    static func day(_ value: Day?) -> String { value?.text ?? "\\N" }

    static func id(_ value: Int?) -> String { value.map { "\($0)" } ?? "\\N" }

    /// A timestamp at `hour`:`minute` in the county's time zone (UTC+8, no daylight saving).
    static func timestamp(_ day: Day, hour: Int, minute: Int) -> String {
        "\(day.text) \(Day.pad(hour)):\(Day.pad(minute)):00+08"
    }
}
