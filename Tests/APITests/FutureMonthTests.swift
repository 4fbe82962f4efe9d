import Campaign
import Foundation
import HTTPTypes
import Testing
import TestSupport

/// A monthly report is for a month that has begun in Asia/Shanghai; the server's today comes
/// from its clock, fixed here.
@Suite struct FutureMonthTests {
    @Test func aMonthThatHasNotBegunIs422() async throws {
        try await APIHarness.run(clock: .fixed(CalendarDate(year: 2026, month: 3, day: 31)!)) { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            // MUT: the current month and earlier ones may be reported; April has not begun
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: MonthlyReportTests.report).status == .created)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2025-12", token: token, json: MonthlyReportTests.report).status == .created)
            for month in ["2026-04", "2027-01", "2100-12"] {
                let future = try await api.request(.put, "/api/v1/projects/\(project)/reports/\(month)", token: token, json: MonthlyReportTests.report)
                #expect(future.status == .unprocessableContent && future.errorFields == ["month"], "\(month)")
                #expect(future.problemCodes.first == "month_not_begun")
            }
            // validated before any version is compared
            let stale = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-04", token: token,
                                              json: MonthlyReportTests.report, headers: ifMatch(9))
            #expect(stale.status == .unprocessableContent)
        }
    }

    @Test func theClockReadsTheDayInShanghai() {
        // 2026-03-31 16:30 UTC is already 1 April in Asia/Shanghai
        let clock = CampaignClock { Date(timeIntervalSince1970: 1_774_974_600) }
        #expect(clock.today == CalendarDate(year: 2026, month: 4, day: 1))
        #expect(CampaignClock.fixed(CalendarDate(year: 2026, month: 12, day: 31)!).today.yearMonth == Month(year: 2026, month: 12))
    }
}
