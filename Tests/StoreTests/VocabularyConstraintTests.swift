import Campaign
import Postgres
import Store
import Testing
import TestSupport

/// Each code list has one home in Swift (a vocabulary) and one guard in PostgreSQL (a column's
/// `CHECK (… IN (…))`), and the two list the same codes: a code the database takes that Swift does
/// not know would fail to decode on every page that shows the row, and a code Swift offers that the
/// database refuses would fail every write of it.
@Suite struct VocabularyConstraintTests {
    /// `table.column` → the vocabulary whose codes the column holds.
    static let vocabularies: [String: [String]] = [
        "agencies.kind": codes(AgencyKind.self), "users.role": codes(UserRole.self),
        "category_lead_departments.category": codes(ProjectCategory.self), "projects.category": codes(ProjectCategory.self),
        "projects.stage": codes(Stage.self), "parks.standard": codes(ParkStandard.self),
        "funding_sources.kind": codes(FundingKind.self), "approvals.kind": codes(ApprovalKind.self),
        "approvals.status": codes(ApprovalStatus.self), "problems.kind": codes(ProblemKind.self),
        "problems.status": codes(ProblemStatus.self), "park_items.item": codes(ParkItem.self),
        "park_items.status": codes(ParkItemStatus.self), "deals.investor_kind": codes(InvestorKind.self),
        "targets.indicator": codes(Indicator.self), "assessment_indicator_results.indicator": codes(Indicator.self),
        "assessment_runs.period": codes(Period.self), "assessment_runs.status": codes(AssessmentRunRecord.Status.self),
        "assessment_results.group_kind": codes(AssessmentGroup.self), "monthly_reports.status": codes(ReportStatus.self),
        "attachments.content_type": codes(AttachmentType.self), "meetings.kind": codes(MeetingKind.self),
        "meetings.status": codes(MeetingStatus.self), "meeting_items.source": codes(AgendaSource.self),
        "meeting_items.subject_type": codes(AgendaSubjectType.self), "bulletins.kind": codes(BulletinKind.self),
        "bulletins.status": codes(BulletinStatus.self), "notifications.kind": codes(NotificationKind.self),
        "notifications.subject_type": codes(NotificationSubject.self), "imports.kind": codes(ImportKind.self),
    ]
    /// Code lists that only SQL writes and only SQL reads, and why.
    static let sqlOnly: Set<String> = [
        "history.action",  // written by the history trigger; shown by `ListColumns`' own words
    ]

    static func codes<V: RawRepresentable & CaseIterable>(_: V.Type) -> [String] where V.RawValue == String {
        V.allCases.map(\.rawValue).sorted()
    }

    @Test func everyCheckedColumnListsItsVocabularysCodes() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            // MUT: every `column = ANY (ARRAY['a'::text, …])` check of the app's tables
            let rows = try connection.query("""
                SELECT c.conrelid::regclass::text AS tab, m[1] AS col,
                       (SELECT array_agg(v[1] ORDER BY v[1] COLLATE "C") FROM regexp_matches(m[2], '''([^'']*)''', 'g') AS v) AS codes
                  FROM pg_catalog.pg_constraint c,
                       regexp_match(pg_catalog.pg_get_constraintdef(c.oid), '^CHECK \\(\\(\\(?(\\w+)\\)?(?:::text)? = ANY \\(\\(?ARRAY\\[(.*)\\]\\)?(?:::text\\[\\])?\\)\\)\\)$') AS m
                 WHERE c.connamespace = 'app'::regnamespace AND c.contype = 'c' AND m IS NOT NULL
                """)
            var checked: [String: [String]] = [:]
            for row in rows.rows {
                let table = try row.decode("tab", as: String.self).replacingOccurrences(of: "app.", with: "")
                checked[table + "." + (try row.decode("col", as: String.self))] = try row.decode("codes", as: [String].self)
            }
            // validate
            #expect(checked.count >= Self.vocabularies.count + Self.sqlOnly.count)
            for (column, codes) in checked.sorted(by: { $0.key < $1.key }) where !Self.sqlOnly.contains(column) {
                #expect(Self.vocabularies[column] == codes, "\(column): PostgreSQL takes \(codes), Swift knows \(Self.vocabularies[column] ?? [])")
            }
            #expect(Set(Self.vocabularies.keys).subtracting(checked.keys).isEmpty, "no check found for \(Set(Self.vocabularies.keys).subtracting(checked.keys).sorted())")
        }
    }
}
