import Campaign
import Testing

/// The raw values are the wire and database values: these lists must match the SQL CHECKs.
@Suite struct VocabularyTests {
    @Test func rawValuesAreTheWireValues() {
        #expect(AgencyKind.allCases.map(\.rawValue) == ["county", "department", "district"])
        #expect(UserRole.allCases.map(\.rawValue) == ["admin", "editor", "viewer"])
        #expect(ProjectCategory.allCases.map(\.rawValue)
            == ["infrastructure", "industry", "services", "agriculture", "environment", "social"])
        #expect(Stage.allCases.map(\.rawValue)
            == ["reserve", "preliminary", "new_start", "construction", "completed", "suspended", "cancelled"])
        #expect(FundingKind.allCases.map(\.rawValue) == [
            "central_budget", "provincial", "county_fiscal", "capital_injection", "investment_subsidy",
            "loan_interest_subsidy", "bank_loan", "platform", "self_raised", "attracted", "other",
        ])
        #expect(ApprovalKind.allCases.map(\.rawValue)
            == ["filing", "approval", "verification", "land", "eia", "planning", "construction_permit"])
        #expect(ApprovalStatus.allCases.map(\.rawValue) == ["pending", "approved", "rejected", "withdrawn"])
        #expect(ProblemKind.allCases.map(\.rawValue)
            == ["land", "environment", "raw_materials", "funding", "approvals", "other", "meeting_decision"])
        #expect(ProblemStatus.allCases.map(\.rawValue) == ["open", "in_progress", "resolved", "escalated"])
        #expect(ParkStandard.allCases.map(\.rawValue) == ["six_one", "eight_one"])
        #expect(ParkItemStatus.allCases.map(\.rawValue) == ["planned", "building", "done"])
        #expect(InvestorKind.allCases.map(\.rawValue)
            == ["central_soe", "state_owned", "private", "foreign", "hk_macao", "other"])
        #expect(Indicator.allCases.map(\.rawValue)
            == ["fai", "major_investment", "new_starts", "completions", "attraction_funds"])
        #expect(Period.allCases.map(\.rawValue) == ["Q1", "Q2", "Q3", "Q4", "year"])
    }

    @Test func parkStandardItems() {
        #expect(ParkItem.allCases.map(\.rawValue)
            == ["water", "drainage", "power", "telecom", "road", "gas", "heating", "cable_tv", "levelling"])
        #expect(ParkStandard.sixOne.items.map(\.rawValue)
            == ["water", "drainage", "power", "telecom", "road", "gas", "levelling"])
        #expect(ParkStandard.eightOne.items.map(\.rawValue) == [
            "water", "drainage", "power", "telecom", "road", "gas", "heating", "cable_tv", "levelling",
        ])
    }

    @Test(arguments: [
        (Period.q1, "2026-03-31", 0), (.q2, "2026-06-30", 1), (.q3, "2026-09-30", 2),
        (.q4, "2026-12-31", 3), (.year, "2026-12-31", 3),
    ])
    func periodLastDayAndShareIndex(period: Period, lastDay: String, shareIndex: Int) {
        #expect(period.lastDay(of: 2026).description == lastDay)
        #expect(period.shareIndex == shareIndex)
    }

    @Test func assessmentGroupOfAgencyKind() {
        #expect(AssessmentGroup(.department) == .department)
        #expect(AssessmentGroup(.district) == .district)
        #expect(AssessmentGroup(.county) == nil)
    }
}
