import Campaign
import Postgres
import Store

/// The campaign calendar's runs: each quarter's run the day after its reports are due (the
/// quarter's last month's reports are due on the deadline day of the following month), and the
/// year-end run on the deadline day of January.
public enum AssessmentSchedule {
    /// A run the calendar asks for.
    public struct Item: Sendable, Equatable {
        public var year: Int
        public var period: Period
        /// The first day it may be queued.
        public var due: CalendarDate
    }

    /// The runs due by `today`: this year's Q1–Q3 and last year's Q4 and year-end, each from its
    /// due date on. `deadlineDay` gives the report deadline day of an assessed year's scheme.
    public static func due(today: CalendarDate, deadlineDay: (Int) -> Int) -> [Item] {
        let year = today.year
        func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        let last = year - 1
        let items = [
            Item(year: last, period: .year, due: day(year, 1, deadlineDay(last))),
            Item(year: last, period: .q4, due: day(year, 1, deadlineDay(last) + 1)),
            Item(year: year, period: .q1, due: day(year, 4, deadlineDay(year) + 1)),
            Item(year: year, period: .q2, due: day(year, 7, deadlineDay(year) + 1)),
            Item(year: year, period: .q3, due: day(year, 10, deadlineDay(year) + 1)),
        ]
        return items.filter { $0.due <= today }
    }

    /// Queues every due run the calendar has not queued yet, for years with targets. Idempotent
    /// and safe with several workers: a scheduled run is unique per year and period.
    public static func queueDue(today: CalendarDate, defaultScheme: AssessmentScheme, on connection: Connection) throws -> [Item] {
        var deadlines: [Int: Int] = [:]
        for year in [today.year - 1, today.year] {
            deadlines[year] = try SchemeQueries.find(year: year, on: connection)?.scheme.reportDeadlineDay
                ?? defaultScheme.reportDeadlineDay
        }
        var queued: [Item] = []
        for item in due(today: today, deadlineDay: { min(max(deadlines[$0] ?? 5, 1), 28) }) {
            if try RunClaimQueries.queueScheduled(year: item.year, period: item.period, on: connection) {
                queued.append(item)
            }
        }
        return queued
    }

    /// Today in the county's time zone, by the database's clock.
    public static func today(on connection: Connection) throws -> CalendarDate {
        try CountyCalendar.today(on: connection)
    }
}
