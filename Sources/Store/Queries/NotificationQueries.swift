import Campaign
import Foundation
import Postgres

/// The caller's agency's notifications and the caller's read state, under row-level security
/// (an agency sees its own notifications only). Each is worded in the reader's `language` from
/// its kind and stored arguments (`NotificationWords`).
public enum NotificationQueries {
    static let select = """
        SELECT n.id, n.kind, n.created_at, (r.id IS NOT NULL) AS read, n.arguments::text AS arguments, n.subject_type, n.subject_id, n.month,
               app.subject_project_id(n.subject_type, n.subject_id) AS subject_project_id
          FROM app.notifications n
          LEFT JOIN app.notification_reads r ON r.notification_id = n.id AND r.user_id = app.current_user_id()
        """

    /// Newest first; `unread` keeps only those the caller has not read.
    public static func list(unread: Bool, limit: Int, offset: Int, language: Language, on connection: Connection) throws -> (items: [NotificationRecord], total: Int) {
        let rows = try connection.query("""
            SELECT * FROM (\(unsafeSQL: select) WHERE NOT \(unread) OR r.id IS NULL) q
             ORDER BY q.id DESC LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query("""
            SELECT count(*)::int AS n FROM app.notifications n
              LEFT JOIN app.notification_reads r ON r.notification_id = n.id AND r.user_id = app.current_user_id()
             WHERE NOT \(unread) OR r.id IS NULL
            """)[0].decode("n")
        return (try rows.map { try decode($0, language) }, total)
    }

    /// Those after `id`, oldest first, at most `limit` (the event stream's catch-up).
    public static func after(id: Int64, limit: Int, language: Language, on connection: Connection) throws -> [NotificationRecord] {
        try connection.query("\(unsafeSQL: select) WHERE n.id > \(id) ORDER BY n.id LIMIT \(limit)").map { try decode($0, language) }
    }

    /// The newest visible id (0 with none): a new stream starts after it.
    public static func latestID(on connection: Connection) throws -> Int64 {
        try connection.query("SELECT coalesce(max(id), 0) AS id FROM app.notifications")[0].decode("id")
    }

    /// Marks one as read by the caller; false when the caller does not see it.
    public static func markRead(id: Int64, on connection: Connection) throws -> Bool {
        guard try connection.query("SELECT 1 FROM app.notifications WHERE id = \(id)").first != nil else { return false }
        try connection.execute("""
            INSERT INTO app.notification_reads (notification_id, user_id) VALUES (\(id), app.current_user_id())
            ON CONFLICT (notification_id, user_id) DO NOTHING
            """)
        return true
    }

    /// Marks every visible notification as read by the caller.
    public static func markAllRead(on connection: Connection) throws {
        try connection.execute("""
            INSERT INTO app.notification_reads (notification_id, user_id)
            SELECT n.id, app.current_user_id() FROM app.notifications n
             WHERE NOT exists (SELECT 1 FROM app.notification_reads r WHERE r.notification_id = n.id AND r.user_id = app.current_user_id())
            ON CONFLICT (notification_id, user_id) DO NOTHING
            """)
    }

    static func decode(_ row: Row, _ language: Language) throws -> NotificationRecord {
        let words = NotificationWords(try row.decode("kind"), StoredFacts.decode(try row.decode("arguments")))
        return NotificationRecord(
            id: try row.decode("id"), kind: words.kind, createdAt: try row.decode("created_at"),
            read: try row.decode("read"), title: words.title(language), body: words.body(language),
            subjectType: try row.decode("subject_type"), subjectID: try row.decode("subject_id"),
            subjectProjectID: try row.decode("subject_project_id"), month: try row.decode("month"))
    }

}
