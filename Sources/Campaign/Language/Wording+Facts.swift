import Foundation

extension Wording {
    /// Raw facts (as the database stores them: months `2026-11`, dates `2026-05-05`, amounts and
    /// ratios as decimals) with their forms for people beside them, for a catalogue text's
    /// placeholders: `month` becomes `2026年11月` (the raw one stays as `month_code`), `deadline`,
    /// `due_on` (as `due`) and `applied_on` (as `applied`) dates likewise, `actual` and `plan`
    /// money (`1,473.10 万元`, the bare figure as `actual_amount`), `ratio` a percentage.
    public static func facts(_ raw: [String: String]) -> [String: String] {
        var values = raw
        if let month = raw["month"].flatMap(Month.init) {
            values["month_code"] = month.description
            values["month"] = Wording.month(month)
        }
        for (key, name) in [("deadline", "deadline"), ("due_on", "due"), ("applied_on", "applied")] {
            guard let day = raw[key].flatMap(CalendarDate.init) else { continue }
            values["\(name)_code"] = day.description
            values[name] = Wording.date(day)
        }
        for key in ["actual", "plan"] {
            guard let amount = raw[key].flatMap(decimal) else { continue }
            values[key] = Wording.money(amount)
            values["\(key)_amount"] = Wording.grouped(amount, decimals: 2)
        }
        values["ratio"] = raw["ratio"].flatMap(decimal).map(Wording.percent)
        return values
    }

    /// `1473.1` → 1473.1; nil for anything that is not a plain decimal.
    static func decimal(_ text: String) -> Decimal? { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
}
