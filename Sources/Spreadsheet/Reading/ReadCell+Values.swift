import Campaign
import Foundation

/// Why a cell cannot be read as its column's type: a catalogue message for the person who filled it in.
public struct CellProblem: Error, Sendable, Equatable {
    public var message: Message

    public init(_ message: Message) {
        self.message = message
    }

    /// The problem with catalogue `code`, its text filled from `arguments`.
    public init(_ code: MessageCode, _ arguments: [String: String] = [:]) {
        self.init(Message(code, arguments))
    }
}

extension ReadCell {
    /// Text: a number cell gives the number as stored (a code typed as a number keeps its digits);
    /// white space around is trimmed; nil when empty.
    public func text() throws(CellProblem) -> String? {
        switch self {
        case .empty: return nil
        case .text(let text):
            let trimmed = text.trimmingWhiteSpace()
            if trimmed.unicodeScalars.contains(where: { $0.value == 0 }) { throw CellProblem(.containsNUL) }
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number): return number
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .error(let code): throw CellProblem(.cellFormulaError, ["value": code])
        case .formulaWithoutValue: throw CellProblem(.cellFormulaUnsaved)
        }
    }

    /// A number: number cells as spreadsheets show them (`showingPrecision`); text as clerks type
    /// it (`ClerkNumber`: full-width digits, thousands separators, a trailing `unit`). Nil when empty.
    public func decimal(unit: ClerkNumber.Unit? = .tenThousandYuan) throws(CellProblem) -> Decimal? {
        let written: String
        switch self {
        case .number(let number): written = Self.showingPrecision(number)
        default:
            guard let text = try text() else { return nil }
            written = ClerkNumber.normalised(text, unit: unit)
        }
        guard written.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$"#, options: .regularExpression) != nil,
              let value = Decimal(string: written, locale: Locale(identifier: "en_US_POSIX")) else {
            throw CellProblem(.notANumber, ["value": String(written.prefix(40))])
        }
        return value
    }

    /// A date: a number cell is a date serial (days since 1899-12-30, as spreadsheets store
    /// dates); text may be `2026-03-01`, `2026/3/1` or `2026年3月1日`. Nil when empty.
    public func date() throws(CellProblem) -> (year: Int, month: Int, day: Int)? {
        switch self {
        case .number(let number):
            guard let serial = Double(number), serial >= 1, serial < 2_958_466, serial == serial.rounded(.down) else {
                throw CellProblem(.cellDateNumber, ["value": number])
            }
            return DateSerial.date(serial: Int(serial))
        default:
            guard let text = try text() else { return nil }
            let parts = ClerkNumber.normalised(text, unit: nil)
                .replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
                .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "/", with: "-")
                .split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
                  (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
                  DateSerial.date(serial: DateSerial.serial(year: year, month: month, day: day)) == (year, month, day) else {
                throw CellProblem(.notADate, ["value": String(text.prefix(40))])
            }
            return (year, month, day)
        }
    }

    /// A stored number cell rounded to the 15 significant digits a spreadsheet shows and computes
    /// with: cells hold binary doubles, and programs write them in full (openpyxl stores 65.65 as
    /// `65.65000000000001`), which is 65.65 to the person who typed it.
    static func showingPrecision(_ stored: String) -> String {
        guard let value = Double(stored), value.isFinite else { return stored }
        return String(format: "%.15g", value)
    }
}
