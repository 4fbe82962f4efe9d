import Campaign
import Foundation
import Postgres

/// Bulletins (通报), under the caller's row-level security (migration 0072): the county sees every
/// bulletin, every other agency the issued ones.
public enum BulletinQueries {
    /// A new draft.
    public struct Draft: Sendable {
        public var kind: BulletinKind
        public var month: Month?
        public var runID: Int64?
        public var cutOff: CalendarDate
        public var title: String
        public var leadText: String
        public var requirementsText: String
        /// JSON text (`BulletinFigureQueries`).
        public var figures: String

        public init(
            kind: BulletinKind, month: Month?, runID: Int64?, cutOff: CalendarDate, title: String, leadText: String,
            requirementsText: String, figures: String
        ) {
            self.kind = kind
            self.month = month
            self.runID = runID
            self.cutOff = cutOff
            self.title = title
            self.leadText = leadText
            self.requirementsText = requirementsText
            self.figures = figures
        }
    }

    /// The office printed on documents (a county setting).
    public static func issuingOffice(on connection: Connection) throws -> String {
        try connection.query("SELECT issuing_office FROM app.coordination_settings")[0].decode("issuing_office")
    }

    /// Stores the draft and returns its id.
    public static func insert(_ draft: Draft, on connection: Connection) throws -> Int64 {
        try connection.query("""
            INSERT INTO app.bulletins (kind, month, run_id, cut_off, title, lead_text, requirements_text, figures)
            VALUES (\(draft.kind.rawValue), \(draft.month), \(draft.runID), \(draft.cutOff), \(draft.title), \(draft.leadText),
                    \(draft.requirementsText), \(draft.figures)::jsonb)
            RETURNING id
            """)[0].decode("id")
    }

    static let bulletinJSON = """
        json_build_object(
            'id', b.id, 'kind', b.kind, 'month', to_char(b.month, 'YYYY-MM'), 'run_id', b.run_id, 'cut_off', b.cut_off,
            'title', b.title, 'status', b.status, 'number', b.number, 'issued_at', b.issued_at,
            'lead_text', b.lead_text, 'requirements_text', b.requirements_text, 'figures', b.figures,
            'version', b.version, 'created_at', b.created_at)
        """

    /// The bulletin as JSON with its version, or nil when the caller cannot see it.
    public static func find(id: Int64, on connection: Connection) throws -> StoredJSON? {
        guard let row = try connection.query("""
            SELECT \(unsafeSQL: bulletinJSON)::text AS body, b.version FROM app.bulletins b WHERE b.id = \(id)
            """).first else { return nil }
        return StoredJSON(text: try row.decode("body"), version: try row.decode("version"))
    }

    /// The bulletin's status and version, or nil when the caller cannot see it.
    public static func state(id: Int64, on connection: Connection) throws -> (draft: Bool, version: Int)? {
        try connection.query("SELECT status = 'draft' AS draft, version FROM app.bulletins WHERE id = \(id)").first.map {
            (try $0.decode("draft"), try $0.decode("version"))
        }
    }

    /// A list page of the visible bulletins, newest first, without their figures.
    public static func list(limit: Int, offset: Int, on connection: Connection) throws -> StoredJSON {
        let row = try connection.query("""
            SELECT json_build_object(
                'items', coalesce((SELECT json_agg(json_build_object(
                                        'id', b.id, 'kind', b.kind, 'month', to_char(b.month, 'YYYY-MM'), 'run_id', b.run_id,
                                        'cut_off', b.cut_off, 'title', b.title, 'status', b.status, 'number', b.number,
                                        'issued_at', b.issued_at, 'version', b.version, 'created_at', b.created_at)
                                      ORDER BY b.id DESC)
                                     FROM (SELECT * FROM app.bulletins ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)) b), '[]'),
                'total', (SELECT count(*) FROM app.bulletins), 'limit', \(limit)::int, 'offset', \(offset)::int)::text AS body
            """)
        return StoredJSON(text: try row[0].decode("body"), version: nil)
    }

    /// Replaces the editorial text of a draft still at `version` (nil keeps a text); false when no row changed.
    public static func edit(id: Int64, version: Int, leadText: String?, requirementsText: String?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.bulletins SET lead_text = coalesce(\(leadText), lead_text),
                   requirements_text = coalesce(\(requirementsText), requirements_text)
             WHERE id = \(id) AND version = \(version) AND status = 'draft'
            """) > 0
    }

    /// Issues a draft still at `version` with the next number of `year`: `<prefix>〔year〕N号`. The
    /// year's counter row is locked until the transaction ends, so concurrent issues take numbers
    /// one after another and a rolled-back issue gives its number back: no gaps, no duplicates.
    /// Nil when the bulletin is no longer a draft at `version`.
    public static func issue(id: Int64, version: Int, year: Int, userID: Int64, on connection: Connection) throws -> String? {
        guard try connection.query("""
            SELECT id FROM app.bulletins WHERE id = \(id) AND version = \(version) AND status = 'draft' FOR UPDATE
            """).first != nil else { return nil }
        try connection.execute("INSERT INTO app.bulletin_numbers (year) VALUES (\(year)) ON CONFLICT (year) DO NOTHING")
        let serial: Int = try connection.query("""
            UPDATE app.bulletin_numbers SET last_number = last_number + 1 WHERE year = \(year) RETURNING last_number
            """)[0].decode("last_number")
        return try connection.query("""
            UPDATE app.bulletins b
               SET status = 'issued', year = \(year), serial = \(serial), issued_at = now(), issued_by = \(userID),
                   number = s.bulletin_prefix || '〔' || \(year)::int || '〕' || \(serial)::int || '号'
              FROM app.coordination_settings s
             WHERE b.id = \(id) AND b.version = \(version) AND b.status = 'draft'
            RETURNING b.number
            """).first?.decode("number")
    }
}
