@testable import API
import Campaign
import Foundation
@testable import Store
import Testing

/// A bulletin's title names its assessment period as a county document does.
@Suite struct BulletinTextTests {
    @Test func anAssessmentBulletinNamesItsPeriod() {
        func title(_ period: Period) -> String {
            let run = AssessmentRunRecord(id: 1, year: 2026, period: period, status: .published, createdAt: Date(),
                                          startedAt: nil, finishedAt: nil, publishedAt: nil, error: nil)
            return BulletinText.assessment(run: run, figures: "{}").title
        }
        #expect(title(.year) == "关于2026年度项目建设年考核结果的通报")
        #expect(title(.q3) == "关于2026年第三季度项目建设年考核结果的通报")
    }
}
