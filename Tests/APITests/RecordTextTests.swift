@testable import API
import Campaign
import Foundation
import NIOCore
@testable import Store
import Testing

/// Each record's JSON text, byte for byte: members, their order and spelling are the contract
/// (CONTRACT.md) that the console and the acceptance checks read; a renamed or reordered member
/// fails here.
@Suite struct RecordTextTests {
    static let at = Date(timeIntervalSince1970: 1_767_225_600)
    static let fields = ProjectFields(
        code: "2026-D1-001", name: "余庆县智能制造项目", owner: "O", category: .industry, industry: nil, stage: .construction,
        major: true, districtID: 3, leadDepartmentID: nil, parkID: 7, totalInvestment: 12000, plannedStart: CalendarDate("2026-02-01"),
        plannedCompletion: nil, actualStart: nil, actualCompletion: nil, landArea: Decimal(string: "12.5"), eiaClass: "报告书",
        greenChannel: false, centralSOE: true, nationalCode: nil)
    static let report = MonthlyReportRecord(
        id: 5, projectID: 9, month: Month(year: 2026, month: 3)!,
        fields: MonthlyReportFields(investmentCompleted: Decimal(string: "300.5")!, progress: "主体施工", problems: "", explanation: "x"),
        submittedAt: at, submittedBy: UserReference(id: 2, displayName: "张三"),
        review: .init(status: .submitted, firstSubmittedAt: at, comment: nil, reviewedBy: UserReference(id: 4, displayName: nil),
                      reviewedAt: nil),
        version: 2)

    static func text(_ value: some Encodable) throws -> String { String(buffer: try JSONStreamEncoder.encode(value)) }

    @Test func aProjectWritesItsFieldsThenItsStoredMembers() throws {
        let record = ProjectRecord(id: 9, version: 4, fields: Self.fields, updatedAt: Self.at, yearToDateInvestment: 3000)
        #expect(try Self.text(record) == projectText)
    }

    @Test func aProjectWithoutTheYearsMoneyLeavesItsMembersOut() throws {
        let record = ProjectRecord(id: 9, version: 4, fields: Self.fields, updatedAt: Self.at, yearToDateInvestment: nil)
        #expect(try Self.text(record) == projectWithoutYearText)
    }

    @Test func aMonthlyReportWritesItsReview() throws {
        #expect(try Self.text(Self.report) == reportText)
    }

    @Test func aReviewItemWritesTheReportItsProjectAndTheContext() throws {
        let item = ReviewQueries.Item(
            report: Self.report, project: ProjectReference(id: 9, code: "C", name: "N"),
            context: .init(districtID: 3, monthPlan: 100, lastMonth: nil, cumulativePlan: 300, cumulativeActual: 250, unusual: true))
        #expect(try Self.text(item) == reviewItemText)
    }

    @Test func aPlanWritesItsMonths() throws {
        let progress = PlanProgress(year: 2026, monthly: [10, 20] + Array(repeating: 0, count: 10), actual: [5, nil],
                                    throughMonth: Month(year: 2026, month: 2)!, behindBelow: Decimal(string: "0.8")!)
        let plan = PlanRecord(id: 1, projectID: 9, year: 2026,
                              fields: PlanFields(annualInvestment: 30, monthly: [10, 20] + Array(repeating: 0, count: 10)),
                              version: 1, updatedAt: Self.at, progress: progress)
        #expect(try Self.text(plan) == planText)
    }

    @Test func smallerRecordsKeepTheirMembers() throws {
        let notification = NotificationRecord(id: 1, kind: .reportDue, createdAt: Self.at, read: false, title: "T", body: "B",
                                              subjectType: .project, subjectID: 9, subjectProjectID: 9, month: nil)
        #expect(try Self.text(notification) == notificationText)
        let attachment = AttachmentRecord(
            id: 1, projectID: 9, month: nil, filename: "a.jpg", contentType: .jpeg, size: 10, sha256: "ab",
            photo: PhotoMetadata(takenAt: Self.at, latitude: Decimal(string: "27.2")), uploadedBy: nil, uploadedAt: Self.at, version: 1)
        #expect(try Self.text(attachment) == attachmentText)
        var summary = ImportQueries.Summary(importID: nil, rows: 3, created: 1, replaced: 1, unchanged: 1)
        summary.encoding = "gb18030"
        #expect(try Self.text(summary) == importSummaryText)
        let target = TargetRecord(year: 2026, agencyID: 3, amounts: [.fai: 100, .majorInvestment: nil], version: 1, updatedAt: Self.at)
        #expect(try Self.text(target) == targetText)
    }

    @Test func recordsOnceEncodedByCodingKeysKeepTheirOrder() throws {
        #expect(try Self.text(TeamRecord(id: 1, version: 2, name: "招商一组", leadDepartmentID: 4, updatedAt: Self.at)) == teamText)
        let receipt = ReceiptRecord(id: 1, version: 2, dealID: 3, receivedOn: CalendarDate("2026-03-01")!, amount: 5, updatedAt: Self.at)
        #expect(try Self.text(receipt) == receiptText)
        let statistic = FAIStatisticRecord(id: 1, version: 2, agencyID: 3, month: Month(year: 2026, month: 3)!, amount: 7, updatedAt: Self.at)
        #expect(try Self.text(statistic) == statisticText)
        let quota = LandQuotaRecord(year: 2026, version: 1, quota: 100, reserved: 10, allocated: 20, allocatedFromReserve: 5, updatedAt: Self.at)
        #expect(try Self.text(quota) == landQuotaText)
        let allocation = LandAllocationRecord(id: 1, version: 1, year: 2026, projectID: 9, area: 3, fromReserve: true, updatedAt: Self.at)
        #expect(try Self.text(allocation) == landAllocationText)
        #expect(try Self.text(CategoryLeadRecord(category: .industry, departmentID: 4, version: 1, updatedAt: Self.at)) == categoryLeadText)
        let run = AssessmentRunRecord(id: 1, year: 2026, period: .q1, status: .done, createdAt: Self.at, startedAt: nil,
                                      finishedAt: Self.at, publishedAt: nil, error: nil)
        #expect(try Self.text(AssessmentController.RunSummary(run: run)) == runSummaryText)
    }

    @Test func accountsAndPlatformsKeepTheirOrderAndLeaveOutWhatIsUnknown() throws {
        let agency = AgencySummary(id: 3, code: "D1", name: "城关镇", kind: .district)
        let user = UserSummary(id: 2, username: "clerk", displayName: "张三", role: .editor, agency: agency)
        #expect(try Self.text(agency) == #"{"id":3,"code":"D1","name":"城关镇","kind":"district"}"#)
        #expect(try Self.text(user) == #"{"id":2,"username":"clerk","role":"editor","agency":{"id":3,"code":"D1","name":"城关镇","kind":"district"},"display_name":"张三"}"#)
        #expect(try Self.text(SessionCreated(token: "t", expiresAt: Self.at, user: user)).hasPrefix(#"{"token":"t","user":{"id":2,"#))
        #expect(try Self.text(FinancingPlatformRecord(id: 1, name: "城投", note: nil, version: 2)) == #"{"id":1,"name":"城投","version":2}"#)
        #expect(try Self.text(FinancingPlatformRecord(id: 1, name: "城投", note: "n", version: 2)) == #"{"id":1,"name":"城投","note":"n","version":2}"#)
    }

    @Test func membersThatCanBeLeftOutAreNotRequiredInTheSchema() throws {
        guard case .object(let properties, let required) = ProjectRecord.schema else {
            Issue.record("a project's schema is not an object")
            return
        }
        #expect(properties.count == 25)
        #expect(Set(properties.keys).subtracting(required) == ["year_to_date_investment", "year_to_date_share"])
        guard case .object(_, let platformRequired) = FinancingPlatformRecord.schema else {
            Issue.record("a platform's schema is not an object")
            return
        }
        #expect(platformRequired == ["id", "name", "version"])
    }
}

// The texts the records wrote before their members were declared as `JSONRecord`s.
private let attachmentText = #"{"id":1,"project_id":9,"month":null,"filename":"a.jpg","content_type":"image/jpeg","size":10,"sha256":"ab","taken_at":"2026-01-01T00:00:00Z","latitude":27.2,"longitude":null,"uploaded_by":null,"uploaded_at":"2026-01-01T00:00:00Z","version":1}"#
private let importSummaryText = #"{"import_id":null,"rows":3,"created":1,"replaced":1,"unchanged":1,"encoding":"gb18030","errors":[]}"#
private let notificationText = #"{"id":1,"kind":"report_due","created_at":"2026-01-01T00:00:00Z","read":false,"title":"T","body":"B","subject":{"type":"project","id":9,"project_id":9},"month":null}"#
private let planText = #"{"id":1,"project_id":9,"year":2026,"annual_investment":30,"monthly":[10,20,0,0,0,0,0,0,0,0,0,0],"version":1,"updated_at":"2026-01-01T00:00:00Z","through_month":"2026-02","ratio_to_date":0.1667,"behind":true,"months":[{"month":"2026-01","plan":10,"actual":5,"cumulative_plan":10,"cumulative_actual":5},{"month":"2026-02","plan":20,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-03","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-04","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-05","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-06","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-07","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-08","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-09","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-10","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-11","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5},{"month":"2026-12","plan":0,"actual":null,"cumulative_plan":30,"cumulative_actual":5}]}"#
private let projectText = #"{"code":"2026-D1-001","name":"余庆县智能制造项目","owner":"O","category":"industry","industry":null,"stage":"construction","major":true,"district_id":3,"lead_department_id":null,"park_id":7,"total_investment":12000,"planned_start":"2026-02-01","planned_completion":null,"actual_start":null,"actual_completion":null,"land_area":12.5,"eia_class":"报告书","green_channel":false,"central_soe":true,"national_code":null,"id":9,"version":4,"updated_at":"2026-01-01T00:00:00Z","year_to_date_investment":3000,"year_to_date_share":0.25}"#
private let projectWithoutYearText = #"{"code":"2026-D1-001","name":"余庆县智能制造项目","owner":"O","category":"industry","industry":null,"stage":"construction","major":true,"district_id":3,"lead_department_id":null,"park_id":7,"total_investment":12000,"planned_start":"2026-02-01","planned_completion":null,"actual_start":null,"actual_completion":null,"land_area":12.5,"eia_class":"报告书","green_channel":false,"central_soe":true,"national_code":null,"id":9,"version":4,"updated_at":"2026-01-01T00:00:00Z"}"#
private let reportText = #"{"id":5,"project_id":9,"month":"2026-03","investment_completed":300.5,"progress":"主体施工","problems":"","explanation":"x","submitted_at":"2026-01-01T00:00:00Z","submitted_by":{"id":2,"display_name":"张三"},"status":"submitted","first_submitted_at":"2026-01-01T00:00:00Z","review_comment":null,"reviewed_by":{"id":4},"reviewed_at":null,"version":2}"#
private let reviewItemText = #"{"id":5,"project_id":9,"month":"2026-03","investment_completed":300.5,"progress":"主体施工","problems":"","explanation":"x","submitted_at":"2026-01-01T00:00:00Z","submitted_by":{"id":2,"display_name":"张三"},"status":"submitted","first_submitted_at":"2026-01-01T00:00:00Z","review_comment":null,"reviewed_by":{"id":4},"reviewed_at":null,"version":2,"project":{"id":9,"code":"C","name":"N"},"district_id":3,"month_plan":100,"last_month":null,"cumulative_plan":300,"cumulative_actual":250,"unusual":true}"#
private let targetText = #"{"year":2026,"agency_id":3,"version":1,"updated_at":"2026-01-01T00:00:00Z","fai":100,"major_investment":null,"new_starts":null,"completions":null,"attraction_funds":null}"#
private let categoryLeadText = #"{"category":"industry","version":1,"department_id":4,"updated_at":"2026-01-01T00:00:00Z"}"#
private let statisticText = #"{"id":1,"version":2,"month":"2026-03","amount":7,"agency_id":3,"updated_at":"2026-01-01T00:00:00Z"}"#
private let landAllocationText = #"{"id":1,"version":1,"year":2026,"project_id":9,"area_mu":3,"from_reserve":true,"updated_at":"2026-01-01T00:00:00Z"}"#
private let landQuotaText = #"{"year":2026,"version":1,"quota_mu":100,"reserved_mu":10,"allocated_mu":20,"allocated_reserve_mu":5,"updated_at":"2026-01-01T00:00:00Z"}"#
private let receiptText = #"{"id":1,"version":2,"amount":5,"deal_id":3,"received_on":"2026-03-01","updated_at":"2026-01-01T00:00:00Z"}"#
private let runSummaryText = #"{"id":1,"year":2026,"period":"Q1","status":"done","created_at":"2026-01-01T00:00:00Z","finished_at":"2026-01-01T00:00:00Z","published_at":null}"#
private let teamText = #"{"id":1,"version":2,"name":"招商一组","lead_department_id":4,"updated_at":"2026-01-01T00:00:00Z"}"#
