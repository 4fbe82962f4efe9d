import Foundation
import HTTPTypes
import Postgres
import Store
import Testing
import TestSupport

/// The national project code (项目代码): its format, uniqueness and the rule that it is required
/// from `new_start` on, through the API and through SQL as the application role; and agencies'
/// division codes.
@Suite struct NationalCodeTests {
    static let code = "2026-520329-34-03-000101"

    @Test func formatIsCheckedAndTheCodeIsStoredAndFound() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            for bad in ["2026-520329-34-03-00010", "2026-52032A-34-03-000101", "2026/520329/34/03/000101", "20260520329340300010100",
                        "2026-520329-34-03-000101-1", "２０２６-520329-34-03-000101"] {
                let response = try await api.request(.post, "/api/v1/projects", token: token, json: body(api, code: "B", national: bad))
                #expect(response.status == .unprocessableContent, "\(bad)")
                #expect(response.errorFields == ["national_code"], "\(bad)")
            }
            let created = try await api.request(.post, "/api/v1/projects", token: token, json: body(api, code: "G", national: Self.code))
            #expect(created.status == .created)
            #expect(created.object["national_code"] as? String == Self.code)
            let id = try #require(created.object["id"] as? Int)
            let found = try await api.request(.get, "/api/v1/projects?q=520329-34-03-0001", token: token)
            #expect(found.items.compactMap { $0["id"] as? Int } == [id])
            // optional before new_start: a preliminary project without one, and null clears it
            let bare = try await api.request(.post, "/api/v1/projects", token: token, json: body(api, code: "N", national: nil))
            #expect(bare.status == .created)
            #expect(bare.object["national_code"] is NSNull)
            let cleared = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: ["national_code": NSNull()],
                                                headers: ifMatch(1))
            #expect(cleared.status == .ok)
            #expect(cleared.object["national_code"] is NSNull)
        }
    }

    @Test func anEmptyCodeIsRefusedNotStoredAsNull() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            // MUT: "" where the schema says a 24-character code or null
            let response = try await api.request(.post, "/api/v1/projects", token: token, json: body(api, code: "E", national: ""))
            // validate
            #expect(response.status == .unprocessableContent)
            #expect(response.errorFields == ["national_code"])
        }
    }

    @Test func aCodeIsUnique() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            #expect(try await api.request(.post, "/api/v1/projects", token: token, json: body(api, code: "A", national: Self.code)).status == .created)
            // another district's project may not reuse it either
            let other = try await api.signIn(api.fixture.district2, "editor")
            let duplicate = try await api.request(
                .post, "/api/v1/projects", token: other, json: body(api, code: "B", national: Self.code, district: api.fixture.district2))
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorFields == ["national_code"])
        }
    }

    @Test func requiredFromNewStartOnThroughTheAPI() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            var started = body(api, code: "S", national: nil)
            started["stage"] = "new_start"
            started["actual_start"] = "2026-03-02"
            let refused = try await api.request(.post, "/api/v1/projects", token: token, json: started)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorFields == ["national_code"])
            #expect(refused.problemCodes == ["national_code_required"])
            let id = try #require(try await api.request(.post, "/api/v1/projects", token: token, json: body(api, code: "S", national: nil))
                .object["id"] as? Int)
            let start: [String: Any] = ["stage": "new_start", "actual_start": "2026-03-02"]
            let moved = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: start, headers: ifMatch(1))
            #expect(moved.status == .unprocessableContent)
            #expect(moved.errorFields == ["national_code"])
            let withCode = start.merging(["national_code": Self.code]) { $1 }
            #expect(try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: withCode, headers: ifMatch(1)).status == .ok)
            let clearing = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: ["national_code": NSNull()],
                                                 headers: ifMatch(2))
            #expect(clearing.status == .unprocessableContent)
            #expect(clearing.errorFields == ["national_code"])
        }
    }

    @Test func requiredFromNewStartOnThroughSQLAsTheAppRole() async throws {
        try await APIHarness.run { api in
            let connection = try api.database.connect()
            defer { connection.close() }
            let d1 = api.fixture.district1
            let editor: Int64 = try connection.query("SELECT id FROM app.users WHERE username = 'd1-editor'")[0].decode("id")
            let caller = Caller(userID: editor, agencyID: d1.id, agencyKind: .district, role: .editor)
            // A project already under construction before the rule existed (the trigger is off while it is made).
            try connection.simpleQuery("ALTER TABLE app.projects DISABLE TRIGGER projects_national_code_required")
            let legacy: Int64 = try connection.query("""
                INSERT INTO app.projects (code, name, category, stage, district_id, actual_start)
                VALUES ('OLD', 'old', 'industry', 'construction', \(d1.id), '2025-05-01') RETURNING id
                """)[0].decode("id")
            try connection.simpleQuery("ALTER TABLE app.projects ENABLE TRIGGER projects_national_code_required")
            func asApp(_ sql: Query) throws -> String {
                try connection.execute("BEGIN")
                defer { _ = try? connection.execute("ROLLBACK") }
                try Database.setCaller(caller, on: connection)
                do {
                    return "ok \(try connection.execute(sql))"
                } catch let error as PostgresError {
                    return "\(error.sqlState ?? "?") \(error.constraint ?? "")"
                }
            }
            #expect(try asApp("""
                INSERT INTO app.projects (code, name, category, stage, district_id, actual_start)
                VALUES ('X', 'x', 'industry', 'new_start', \(d1.id), '2026-03-01')
                """) == "23514 projects_national_code_required")
            #expect(try asApp("""
                INSERT INTO app.projects (code, name, category, stage, district_id, actual_start, national_code)
                VALUES ('X', 'x', 'industry', 'new_start', \(d1.id), '2026-03-01', \(Self.code))
                """) == "ok 1")
            #expect(try asApp("""
                INSERT INTO app.projects (code, name, category, district_id, national_code) VALUES ('X', 'x', 'industry', \(d1.id), '2026-520329')
                """) == "23514 projects_national_code_check")
            // the legacy row: editable, but not moved on or given a stage without a code
            #expect(try asApp("UPDATE app.projects SET name = 'renamed' WHERE id = \(legacy)") == "ok 1")
            #expect(try asApp("UPDATE app.projects SET stage = 'completed', actual_completion = '2026-06-01' WHERE id = \(legacy)")
                == "23514 projects_national_code_required")
            #expect(try asApp("UPDATE app.projects SET national_code = \(Self.code) WHERE id = \(legacy)") == "ok 1")
            // once it has a code, clearing it is refused
            try connection.execute("UPDATE app.projects SET national_code = \(Self.code) WHERE id = \(legacy)")
            #expect(try asApp("UPDATE app.projects SET national_code = NULL WHERE id = \(legacy)") == "23514 projects_national_code_required")
        }
    }

    @Test func agenciesRecordTheirDivisionCode() async throws {
        try await APIHarness.run { api in
            let admin = try await api.signIn(api.fixture.county, "admin")
            let bad = try await api.request(.post, "/api/v1/agencies", token: admin,
                                            json: ["code": "D7", "name": "新区", "kind": "district", "division_code": "52032"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.errorFields == ["division_code"])
            let created = try await api.request(.post, "/api/v1/agencies", token: admin,
                                                json: ["code": "D7", "name": "新区", "kind": "district", "division_code": "520329"])
            #expect(created.status == .created)
            #expect(created.object["division_code"] as? String == "520329")
            let id = try #require(created.object["id"] as? Int)
            let changed = try await api.request(.patch, "/api/v1/agencies/\(id)", token: admin, json: ["division_code": "520330"],
                                                headers: ifMatch(1))
            #expect(changed.object["division_code"] as? String == "520330")
            let listed = try await api.request(.get, "/api/v1/agencies", token: admin).items
            #expect(listed.first { $0["id"] as? Int == id }?["division_code"] as? String == "520330")
            #expect(listed.first { $0["code"] as? String == "D1" }?["division_code"] is NSNull)
        }
    }

    func body(_ api: APIClient, code: String, national: String?, district: CountyFixture.Agency? = nil) -> [String: Any] {
        [
            "code": code, "name": "项目 \(code)", "category": "industry", "stage": "preliminary",
            "district_id": (district ?? api.fixture.district1).id, "national_code": national ?? NSNull(),
        ]
    }
}
