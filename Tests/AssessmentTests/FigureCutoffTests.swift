import Campaign
import Postgres
import Store
import TestSupport
import Testing

/// `AssessmentFigureQueries` at several cut-off days at once gives, for each, what it gives at that
/// day alone: receipts are summed per cut-off bucket (`width_bucket`), and a receipt on a cut-off
/// day (the hand-computed county's 30 September) counts for that cut-off.
@Suite struct FigureCutoffTests {
    @Test func severalCutoffsAtOnceEqualEachAlone() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            // out of order, and one day twice: each answer follows its own position
            let days = ["2026-09-30", "2026-03-31", "2026-12-31", "2026-09-29", "2026-06-30", "2026-09-30"]
                .map { CalendarDate($0)! }
            let together = try admin.withTransaction { connection in
                try AssessmentFigureQueries.figures(
                    year: County.year, cutoffs: days, reportDeadlineDay: 5, countLateReports: true, on: connection)
            }
            #expect(together.count == days.count)
            for (index, day) in days.enumerated() {
                let alone = try admin.withTransaction { connection in
                    try AssessmentFigureQueries.figures(
                        year: County.year, through: day, reportDeadlineDay: 5, countLateReports: true, on: connection)
                }
                #expect(together[index] == alone, "\(day)")
            }
            let funds = { (figures: [AgencyFigures], code: String) in
                figures.first { $0.agency.code == code }?.indicators[.attractionFunds]?.actual
            }
            #expect(funds(together[3], "D2") == 30, "29 September: D2's receipt of the 30th not yet")
            #expect(funds(together[0], "D2") == 100, "30 September: counted on its day")
        }
    }
}
