import Campaign
import Postgres
import Store
import Testing
import TestSupport

/// An approved report is locked for the district in the database itself: raw SQL as the
/// district's role, exactly as the server opens its transactions, cannot replace it, reopen it
/// or delete and re-enter it.
@Suite struct ReviewLockTests {
    @Test func aDistrictCannotReplaceAnApprovedReportEvenWithRawSQL() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)  // R5: P5 of D1, approved
            let editor = world.user("D1", .editor)
            let r5 = world.id("R5")
            func attempt(_ statement: Query) throws -> String {
                try ActingAs.transaction(editor.caller, on: connection) { try ActingAs.outcome([statement], on: $0) }
            }
            #expect(try attempt("UPDATE app.monthly_reports SET investment_completed = 1 WHERE id = \(r5)") == "55000 monthly_reports_approved_locked")
            #expect(try attempt("UPDATE app.monthly_reports SET status = 'submitted' WHERE id = \(r5)") == "42501")
            #expect(try attempt("DELETE FROM app.monthly_reports WHERE id = \(r5)") == "55000 monthly_reports_approved_locked")
            // the first submission cannot be moved either: the trigger keeps it
            #expect(try attempt("""
                UPDATE app.monthly_reports SET first_submitted_at = now() - interval '1 year' WHERE id = \(r5)
                RETURNING (first_submitted_at > now() - interval '1 day')::text
                """) == "ok 1 true")
            // the county editor may replace it (it is submitted again)
            let county = world.user("CTY", .editor)
            let status = try ActingAs.transaction(county.caller, on: connection) { connection in
                try connection.query("UPDATE app.monthly_reports SET investment_completed = 1 WHERE id = \(r5) RETURNING status")[0]
                    .decode("status", as: String.self)
            }
            #expect(status == "submitted")
        }
    }

    @Test func anApprovedReportsExplanationIsLockedWithIt() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            // setup: R5 (P5 of D1) is approved
            let world = try World.seed(on: connection)
            let r5 = world.id("R5")
            // MUT: the district changes only its 情况说明 with raw SQL
            let outcome = try ActingAs.transaction(world.user("D1", .editor).caller, on: connection) {
                try ActingAs.outcome(["UPDATE app.monthly_reports SET explanation = '补充说明' WHERE id = \(r5)"], on: $0)
            }
            // validate
            #expect(outcome == "55000 monthly_reports_approved_locked")
        }
    }
}
