import Campaign
import Foundation
import Postgres
import Store

/// The campaign's daily work in the demo county (run inside the seed load's transaction, as the
/// owner): every major project gets an annual investment plan for the year; reports of months
/// that have ended are reviewed (most approved, some returned with what to fix, the latest
/// partly still waiting); then the worker's reminder scan runs for today, which escalates the
/// overdue problems and writes the notifications a county would see on its first morning.
enum DemoDailyWork {
    /// Reviewers' comments on returned reports (退回意见).
    static let returnComments = [
        "本月完成投资与财务台账不符，请核实后重新报送",
        "形象进度描述过于简单，请补充主要工程量完成情况",
        "请补充现场形象进度照片说明",
        "完成投资较上月大幅波动，请说明原因",
        "存在问题栏未填写，请补充项目推进中遇到的困难",
    ]

    /// Writes the plans, reviews and notifications; returns rows written per table and notes.
    static func apply(_ connection: Connection, year: Int) throws -> (counts: [String: Int], notes: [String]) {
        var counts: [String: Int] = [:]
        let today = try CountyCalendar.today(on: connection)
        // Plans: the year's reports (or 5% of the total investment) times 1.00–1.48 by project,
        // split over the months like construction (slow around the Spring Festival).
        counts["investment_plans"] = try DemoDailyWorkQueries.planTheYear(
            year, weights: CountyPlan.seasonal.map { Decimal($0).rounded(places: 2) }, on: connection)
        let explained = try DemoExplanations.apply(connection, year: year)
        let lastEnded = today.year > year ? 12 : today.year < year ? 0 : today.month - 1
        guard lastEnded > 0 else { return (counts, ["no month of \(year) has ended: no report was reviewed"]) }
        let latest = Month(year: year, month: lastEnded)!
        // Reviews by an editor of the lead department, two days after submission.
        try DemoDailyWorkQueries.approveEnded(before: latest, on: connection)
        let returned = try DemoDailyWorkQueries.returnSome(of: latest, comments: returnComments, on: connection)
        let loop = try DemoCoordination.apply(connection, year: year, today: today)
        counts.merge(loop.counts) { $0 + $1 }
        let outcome = try ReminderQueries.scan(
            .init(today: today, deadlineDay: AssessmentScheme.default.reportDeadlineDay, behindBelow: PlanDefaults.behindRatio),
            on: connection)
        counts["notifications"] = try DemoDailyWorkQueries.notificationCount(on: connection)
        return (counts, loop.notes + [
            "情况说明 written for \(explained) reports far from their month's plan",
            "reports reviewed up to \(latest): \(returned) of \(latest) returned with comments, the rest of the last two months waiting",
            "reminder scan of \(today): \(outcome.total) notifications, \(outcome.escalated) overdue problems escalated (督办)",
        ])
    }
}
