import Campaign
import Foundation
import Postgres

/// Service responsibility (包保): a major project's responsible county leader and service
/// commissioner, under the caller's row-level security (app.project_service, migration 0070).
public enum ServiceQueries {
    /// A person as the API names them: `{id, display_name, agency}` or null.
    static func person(_ column: String) -> String {
        """
        (SELECT json_build_object('id', c.id, 'display_name', c.display_name,
                                  'agency', json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'kind', a.kind))
           FROM app.user_cards(ARRAY[\(column)]) c JOIN app.agencies a ON a.id = c.agency_id)
        """
    }

    /// The project's service as JSON with its version (1 and both null before it is first set).
    public static func find(projectID: Int64, on connection: Connection) throws -> StoredJSON? {
        guard let row = try connection.query("""
            SELECT json_build_object('project_id', p.id, 'leader', \(unsafeSQL: person("s.leader_user_id")),
                                     'commissioner', \(unsafeSQL: person("s.commissioner_user_id")),
                                     'version', coalesce(s.version, 0))::text AS body,
                   s.version
              FROM app.projects p LEFT JOIN app.project_service s ON s.project_id = p.id
             WHERE p.id = \(projectID)
            """).first else { return nil }
        return StoredJSON(text: try row.decode("body"), version: try row.decode("version", as: Int?.self))
    }

    /// The agency kind of each user among `ids` that exists (for the leader and commissioner checks).
    public static func agencyKinds(of ids: [Int64], on connection: Connection) throws -> [Int64: AgencyKind] {
        var kinds: [Int64: AgencyKind] = [:]
        for row in try connection.query("""
            SELECT c.id, a.kind FROM app.user_cards(\(ids)::bigint[]) c JOIN app.agencies a ON a.id = c.agency_id
            """).rows {
            kinds[try row.decode("id")] = try row.decode("kind")
        }
        return kinds
    }

    /// Sets the service of a project that has none yet; false when a concurrent request did first.
    public static func insert(projectID: Int64, leader: Int64?, commissioner: Int64?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            INSERT INTO app.project_service (project_id, leader_user_id, commissioner_user_id)
            VALUES (\(projectID), \(leader), \(commissioner))
            ON CONFLICT (project_id) DO NOTHING
            """) > 0
    }

    /// Replaces the service if still at `version`; false when no row changed.
    public static func replace(projectID: Int64, version: Int, leader: Int64?, commissioner: Int64?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.project_service SET leader_user_id = \(leader), commissioner_user_id = \(commissioner)
             WHERE project_id = \(projectID) AND version = \(version)
            """) > 0
    }

    /// The list page of the projects the user leads or serves as commissioner, by code: each with
    /// the user's `role` (`leader`, `commissioner`), its open problems (unresolved, overdue ones
    /// counted apart, as of `today`) and its plan ratio to date for `today`'s year through month `through` (null without a plan).
    public static func mine(
        userID: Int64, today: CalendarDate, through: Int, behindBelow: Decimal, limit: Int, offset: Int, on connection: Connection
    ) throws -> StoredJSON {
        var query: Query = """
            WITH mine AS (
                SELECT p.*, CASE WHEN s.leader_user_id = \(userID) THEN 'leader' ELSE 'commissioner' END AS service_role,
                       s.leader_user_id, s.commissioner_user_id
                  FROM app.project_service s JOIN app.projects p ON p.id = s.project_id
                 WHERE s.leader_user_id = \(userID) OR s.commissioner_user_id = \(userID)
            ), plans AS (
            """
        query.append(PlanQueries.toDate(year: today.year, through: through))
        query.append("""
            ), page AS (
                SELECT m.*, g.plan_to_date, g.actual_to_date, g.ratio, count(*) OVER () AS total
                  FROM mine m LEFT JOIN plans g ON g.project_id = m.id
                 ORDER BY m.code LIMIT \(limit) OFFSET \(offset)
            )
            SELECT json_build_object(
                'items', coalesce(json_agg(json_build_object(
                    'project', json_build_object('id', x.id, 'code', x.code, 'name', x.name),
                    'district_id', x.district_id, 'lead_department_id', x.lead_department_id, 'stage', x.stage,
                    'role', x.service_role,
                    'leader', \(unsafeSQL: ServiceQueries.person("x.leader_user_id")),
                    'commissioner', \(unsafeSQL: ServiceQueries.person("x.commissioner_user_id")),
                    'open_problems', (SELECT count(*) FROM app.problems q WHERE q.project_id = x.id AND q.status <> 'resolved'),
                    'overdue_problems', (SELECT count(*) FROM app.problems q WHERE q.project_id = x.id AND q.status <> 'resolved'
                                            AND q.due_on < \(today)::date),
                    'overdue_decisions', (SELECT count(*) FROM app.problems q WHERE q.project_id = x.id AND q.status <> 'resolved'
                                             AND q.kind = 'meeting_decision' AND q.due_on < \(today)::date),
                    'plan_to_date', x.plan_to_date, 'actual_to_date', x.actual_to_date,
                    'ratio_to_date', x.ratio,
                    'behind', coalesce(x.ratio < \(behindBelow)::numeric, false)) ORDER BY x.code), '[]'),
                'total', coalesce(max(x.total), (SELECT count(*) FROM mine)),
                'limit', \(limit)::int, 'offset', \(offset)::int)::text AS body
              FROM page x
            """)
        return StoredJSON(text: try connection.query(query)[0].decode("body"), version: nil)
    }
}
