import Campaign
import Foundation
import Postgres

/// Coordination meetings (调度会), under the caller's row-level security (migration 0071): the
/// county sees every meeting, an agency those it attends.
public enum MeetingQueries {
    /// What a meeting is prepared with.
    public struct Fields: Sendable {
        public var kind: String
        public var title: String
        public var date: CalendarDate
        public var chair: String
        public var agencyIDs: [Int64]

        public init(kind: String, title: String, date: CalendarDate, chair: String, agencyIDs: [Int64]) {
            self.kind = kind
            self.title = title
            self.date = date
            self.chair = chair
            self.agencyIDs = agencyIDs
        }
    }

    /// Creates an open meeting and returns its id.
    public static func insert(_ fields: Fields, on connection: Connection) throws -> Int64 {
        try connection.query("""
            INSERT INTO app.meetings (kind, title, held_on, chair, agency_ids)
            VALUES (\(fields.kind), \(fields.title), \(fields.date), \(fields.chair), \(fields.agencyIDs)::bigint[])
            RETURNING id
            """)[0].decode("id")
    }

    /// The ids among `ids` that are no agency.
    public static func unknownAgencies(_ ids: [Int64], on connection: Connection) throws -> [Int64] {
        try connection.query("""
            SELECT i AS id FROM unnest(\(ids)::bigint[]) i WHERE NOT exists (SELECT 1 FROM app.agencies a WHERE a.id = i)
            """).map { try $0.decode("id") }
    }

    /// The meeting as JSON with its agenda, or nil when the caller cannot see it.
    public static func find(id: Int64, on connection: Connection) throws -> StoredJSON? {
        guard let row = try connection.query("""
            SELECT \(unsafeSQL: meetingJSON(agenda: true))::text AS body, m.version FROM app.meetings m WHERE m.id = \(id)
            """).first else { return nil }
        return StoredJSON(text: try row.decode("body"), version: try row.decode("version"))
    }

    /// The meeting's status and version, or nil when the caller cannot see it.
    public static func state(id: Int64, on connection: Connection) throws -> (open: Bool, version: Int)? {
        try connection.query("SELECT status = 'open' AS open, version FROM app.meetings WHERE id = \(id)").first.map {
            (try $0.decode("open"), try $0.decode("version"))
        }
    }

    /// A list page of the visible meetings, newest first (by date, then id), without their agendas.
    public static func list(limit: Int, offset: Int, on connection: Connection) throws -> StoredJSON {
        let row = try connection.query("""
            SELECT json_build_object(
                'items', coalesce((SELECT json_agg(\(unsafeSQL: meetingJSON(agenda: false)) ORDER BY m.held_on DESC, m.id DESC)
                                     FROM (SELECT * FROM app.meetings ORDER BY held_on DESC, id DESC
                                           LIMIT \(limit) OFFSET \(offset)) m), '[]'),
                'total', (SELECT count(*) FROM app.meetings), 'limit', \(limit)::int, 'offset', \(offset)::int)::text AS body
            """)
        return StoredJSON(text: try row[0].decode("body"), version: nil)
    }

    /// Closes the meeting if open and still at `version`; false when no row changed.
    public static func close(id: Int64, version: Int, userID: Int64, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.meetings SET status = 'closed', closed_at = now(), closed_by = \(userID)
             WHERE id = \(id) AND version = \(version) AND status = 'open'
            """) > 0
    }

    /// A meeting `m` as JSON; with `agenda`, its items in order.
    static func meetingJSON(agenda: Bool) -> String {
        """
        json_build_object(
            'id', m.id, 'kind', m.kind, 'title', m.title, 'date', m.held_on, 'chair', m.chair,
            'agency_ids', to_json(m.agency_ids),
            'attendees', coalesce((SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'kind', a.kind)
                                                   ORDER BY array_position(m.agency_ids, a.id))
                                     FROM app.agencies a WHERE a.id = any (m.agency_ids)), '[]'),
            'status', m.status, 'closed_at', m.closed_at, 'version', m.version\(agenda ? ",\n    'agenda', \(MeetingItemQueries.agendaJSON)" : "")
        )
        """
    }
}
