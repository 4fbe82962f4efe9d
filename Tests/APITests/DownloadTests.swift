import Foundation
import HTTPTypes
import HummingbirdTesting
import Hummingbird
import Spreadsheet
import Testing
import TestSupport

/// Lists as spreadsheets: the whole filtered list, typed cells, Chinese headers, as an attachment.
@Suite struct DownloadTests {
    /// The rows of a downloaded file (CSV or .xlsx) as the reader sees them.
    static func rows(_ response: TestResponse) throws -> [SheetRow] {
        try UploadedSheet.rows(of: Data(buffer: response.body))
    }

    @Test func projectsAsCSVAreTheWholeFilteredListAsExcelOpensIt() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let other = try await api.signIn(api.fixture.district2, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            let formula = try await api.request(.post, "/api/v1/projects", token: district, json: [
                "code": "P-002", "name": "=HYPERLINK(\"http://x\",\"点击\")", "owner": "+业主,甲", "category": "industry", "stage": "preliminary",
                "district_id": api.fixture.district1.id, "total_investment": 1234.5, "planned_start": "2026-03-01",
            ])
            #expect(formula.status == .created)
            _ = try await api.createProject(token: other, code: "Q-001", district: api.fixture.district2)
            // MUT
            let response = try await api.request(.get, "/api/v1/projects?format=csv&limit=1", token: district)
            // validation: every visible row (not one page), none of another district's
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let disposition = try #require(response.headers[.contentDisposition])
            #expect(disposition.range(of: #"^attachment; filename="___-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%BA%93-\d{4}-\d{2}-\d{2}\.csv$"#,
                                     options: .regularExpression) != nil, "\(disposition)")
            let bytes = Data(buffer: response.body)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.count == 4 && lines[3].isEmpty, "\(lines)")
            #expect(lines[0].hasPrefix("项目编号,项目名称,业主单位,类别,行业,阶段,重大项目,所在区县,牵头部门,园区,总投资（万元）,计划开工"))
            #expect(lines[2].hasPrefix(#"P-002,"'=HYPERLINK(""http://x"",""点击"")","'+业主,甲",工业,,前期,否,南明区,"#), "\(lines[2])")
            #expect(lines[2].contains(",1234.50,2026-03-01,"))
            // a filter narrows the download like the list
            let county1 = try await api.request(.get, "/api/v1/projects?format=csv&district_id=\(api.fixture.district2.id)", token: county)
            #expect(try Self.rows(county1).map { try $0[0].text() } == ["项目编号", "Q-001"])
        }
    }

    @Test func projectsAsXLSXMatchTheJSONList() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            for code in ["P-003", "P-001", "P-002"] { _ = try await api.createProject(token: district, code: code) }
            let json = try await api.request(.get, "/api/v1/projects", token: district).items
            // MUT: by Accept
            let accept: HTTPFields = [.accept: SpreadsheetFormat.xlsx.contentType]
            let response = try await api.request(.get, "/api/v1/projects", token: district, headers: accept)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == SpreadsheetFormat.xlsx.contentType)
            let rows = try Self.rows(response)
            #expect(rows.count == json.count + 1)
            for (row, item) in zip(rows.dropFirst(), json) {
                #expect(try row[0].text() == item["code"] as? String)
                #expect(try row[1].text() == item["name"] as? String)
                #expect(try row[10].decimal() == Decimal(item["total_investment"] as? Int ?? -1))
                #expect(try row[21].decimal() == Decimal(item["version"] as? Int ?? -1))
            }
        }
    }

    @Test func downloadsStreamPastOneBatchAndRespectRowLevelSecurity() async throws {
        try await APIHarness.run { api in
            let connection = try api.database.connect()
            try connection.execute("""
                INSERT INTO app.projects (code, name, owner, category, stage, major, district_id, lead_department_id, total_investment)
                SELECT 'B-' || lpad(n::text, 5, '0'), '批量项目' || n, '业主', 'industry', 'reserve', false,
                       CASE WHEN n % 2 = 0 THEN \(api.fixture.district1.id)::bigint ELSE \(api.fixture.district2.id)::bigint END,
                       \(api.fixture.industry.id)::bigint, n
                  FROM generate_series(1, 2500) n
                """)
            let district = try await api.signIn(api.fixture.district1, "viewer")
            let response = try await api.request(.get, "/api/v1/projects?format=xlsx", token: district)
            let rows = try Self.rows(response)
            #expect(rows.count == 1251)
            #expect(try rows.last?[0].text() == "B-02500")
            #expect(try rows.dropFirst().allSatisfy { try $0[7].text() == "南明区" })
        }
    }

    @Test func aBadFormatIsAFieldError() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "viewer")
            let response = try await api.request(.get, "/api/v1/projects?format=xls", token: token)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorFields == ["format"])
            let json = try await api.request(.get, "/api/v1/projects?format=json", token: token)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test func reportsOfAMonthAndApprovalsAcrossProjects() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let first = try await api.createProject(token: district, code: "P-001")
            let second = try await api.createProject(token: district, code: "P-002")
            for (project, amount) in [(second, 20.5), (first, 10)] {
                let put = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district,
                                                json: ["investment_completed": amount, "progress": "-进行中", "problems": ""])
                #expect(put.status == .created)
            }
            _ = try await api.request(.put, "/api/v1/projects/\(first)/reports/2026-04", token: district, json: ["investment_completed": 1])
            let approval = try await api.request(.post, "/api/v1/projects/\(first)/approvals", token: county, json: [
                "kind": "eia", "department_id": api.fixture.drc.id, "applied_on": "2026-02-01", "decided_on": "2026-02-11", "status": "approved",
            ])
            #expect(approval.status == .created)
            // MUT: JSON pages
            let reports = try await api.request(.get, "/api/v1/reports?month=2026-03", token: district)
            #expect(reports.status == .ok)
            #expect(reports.object["total"] as? Int == 2)
            #expect(reports.items.compactMap { ($0["project"] as? [String: Any])?["code"] as? String } == ["P-001", "P-002"])
            #expect(try await api.request(.get, "/api/v1/reports", token: district).errorFields == ["month"])
            let approvals = try await api.request(.get, "/api/v1/approvals?status=approved", token: district)
            #expect(approvals.items.first?["processing_days"] as? Int == 10)
            // downloads
            let download = try await api.request(.get, "/api/v1/reports?month=2026-03&format=csv", token: district)
            #expect(String(buffer: download.body).contains(",'-进行中,"))
            let csv = try Self.rows(download)
            #expect(csv.count == 3)
            #expect(try csv[1][4].decimal() == 10 && csv[2][4].decimal() == Decimal(string: "20.5"))
            #expect(try csv[1][5].text() == "-进行中")
            let xlsx = try Self.rows(try await api.request(.get, "/api/v1/approvals?format=xlsx", token: district))
            #expect(try xlsx[0].cells.map { try $0.text() } == ["项目编号", "项目名称", "审批手续", "办理部门", "申请日期", "批复日期", "办理状态", "办理天数"])
            #expect(try xlsx[1][2].text() == "环评" && xlsx[1][7].decimal() == 10 && xlsx[1][5].date()! == (2026, 2, 11))
            // a status filter: the month's returned reports only, as a page and as a download
            let returned = try await api.request(.post, "/api/v1/projects/\(second)/reports/2026-03/review", token: county,
                                                 json: ["decision": "return", "comment": "请补充形象进度说明"], headers: ifMatch(1))
            #expect(returned.status == .ok)
            let onlyReturned = try await api.request(.get, "/api/v1/reports?month=2026-03&status=returned", token: district)
            #expect(onlyReturned.object["total"] as? Int == 1)
            #expect(onlyReturned.items.compactMap { ($0["project"] as? [String: Any])?["code"] as? String } == ["P-002"])
            #expect(onlyReturned.items.first?["status"] as? String == "returned")
            let pastTheFirst = try await api.request(.get, "/api/v1/reports?month=2026-03&status=submitted&offset=5", token: district)
            #expect(pastTheFirst.object["total"] as? Int == 1 && pastTheFirst.items.isEmpty)
            let returnedDownload = try await api.request(.get, "/api/v1/reports?month=2026-03&status=returned&format=csv", token: district)
            #expect(returnedDownload.headers[.contentDisposition]?.contains("%EF%BC%88%E5%B7%B2%E9%80%80%E5%9B%9E%EF%BC%89.csv") == true)  // （已退回）
            let returnedCSV = try Self.rows(returnedDownload)
            #expect(returnedCSV.count == 2)
            #expect(try returnedCSV[1][0].text() == "P-002" && returnedCSV[1][8].text() == "已退回")
            #expect(try await api.request(.get, "/api/v1/reports?month=2026-03&status=lost", token: district).errorFields == ["status"])
        }
    }

    /// A list's status column is worded by the list's own vocabulary, though codes repeat across
    /// vocabularies: a finished park item 已完成 (not a run's 已完成（待发布）), an approved report
    /// 已审核 (not an approval's 已批复).
    @Test func aStatusIsWordedByItsOwnList() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let items = "/api/v1/parks/\(api.fixture.park1)/items"
            #expect(try await api.request(.put, "\(items)/water", token: district, json: ["status": "done"]).status == .created)
            let project = try await api.createProject(token: district, code: "P-001")
            let report = "/api/v1/projects/\(project)/reports/2026-03"
            #expect(try await api.request(.put, report, token: district, json: ["investment_completed": 10]).status == .created)
            #expect(try await api.request(.post, report + "/review", token: county, json: ["decision": "approve"], headers: ifMatch(1)).status == .ok)
            // MUT
            for (path, word) in [(items, "已完成"), ("/api/v1/projects/\(project)/reports", "已审核")] {
                let rows = try Self.rows(try await api.request(.get, path + "?format=csv", token: district))
                let column = try #require(try rows[0].cells.map { try $0.text() }.firstIndex(of: "状态"), "\(path)")
                #expect(rows.count == 2)
                #expect(try rows[1][column].text() == word, "\(path)")
            }
        }
    }

    @Test func dealsTargetsAndWarnings() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let target = try await api.request(.put, "/api/v1/targets/2026/\(api.fixture.district1.id)", token: county,
                                               json: ["fai": 1000, "major_investment": 500])
            #expect(target.status == .created)
            let team = try await api.request(.post, "/api/v1/attraction/teams", token: county, json: ["name": "工业招商组", "lead_department_id": api.fixture.industry.id])
            let teamID = try #require(team.object["id"] as? Int)
            let deal = try await api.request(.post, "/api/v1/attraction/deals", token: county, json: [
                "team_id": teamID, "investor": "@中建集团", "investor_kind": "central_soe", "signed_amount": 5000, "signed_on": "2026-02-03",
                "district_id": api.fixture.district1.id,
            ])
            #expect(deal.status == .created)
            // MUT
            let deals = try Self.rows(try await api.request(.get, "/api/v1/attraction/deals?format=csv", token: county))
            #expect(try deals[1].cells.prefix(6).map { try $0.text() } == ["@中建集团", "央企", "工业招商组", "南明区", "5000.00", "2026-02-03"])
            let targets = try Self.rows(try await api.request(.get, "/api/v1/targets/2026?format=xlsx", token: county))
            let mine = try targets.filter { try $0[1].text() == "南明区" }
            #expect(try mine.map { try $0[2].text() } == ["全社会固定资产投资", "重大项目完成投资", "重大项目新开工", "重大项目竣工投产", "招商引资到位资金"])
            #expect(try mine[0][3].decimal() == 1000 && mine[1][3].decimal() == 500 && mine[2][3] == .empty)
            let warnings = try await api.request(.get, "/api/v1/warnings?year=2026&as_of=2026-04-10&format=xlsx", token: county)
            #expect(warnings.status == .ok)
            let rows = try Self.rows(warnings)
            #expect(try rows[0][0].text() == "类型")
            #expect(try rows.dropFirst().contains { try $0[0].text() == "指标预警" && $0[1].text() == "南明区" })
        }
    }

    @Test func plansAndTheReviewQueue() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            let plan = try await api.request(.put, "/api/v1/projects/\(project)/plans/2026", token: district,
                                             json: ["annual_investment": 120, "monthly": Array(repeating: 10, count: 12)])
            #expect(plan.status == .created)
            let report = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district,
                                               json: ["investment_completed": 15, "progress": "开工"])
            #expect(report.status == .created)
            // MUT
            let plans = try Self.rows(try await api.request(.get, "/api/v1/plans?year=2026&as_of=2026-04-10&format=xlsx", token: county))
            #expect(try plans[0].cells.map { try $0.text() } == ["项目编号", "项目名称", "所在区县", "年度计划投资（万元）", "计划至今（万元）",
                                                               "完成至今（万元）", "计划完成率", "进度滞后"])
            #expect(try plans[1][3].decimal() == 120 && plans[1][4].decimal() == 30 && plans[1][5].decimal() == 15)
            #expect(try plans[1][6].decimal() == Decimal(string: "0.5") && plans[1][7].text() == "是")
            let reviews = try Self.rows(try await api.request(.get, "/api/v1/reviews?status=submitted&format=csv", token: county))
            #expect(reviews.count == 2)
            #expect(try reviews[1][0].text() == "P-001" && reviews[1][8].text() == "已报送")
            #expect(try reviews[0][7].text() == "情况说明")
        }
    }
}
