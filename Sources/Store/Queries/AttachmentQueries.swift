import Campaign
import Foundation
import Postgres

/// Attachments of a project under the caller's row-level security (as the project's monthly
/// reports): metadata in `app.attachments`, content in 256 KiB pieces in `app.attachment_chunks`.
public enum AttachmentQueries {
    /// The size of one stored piece of content.
    public static let chunkSize = 256 * 1024

    static let select = """
        SELECT a.id, a.project_id, a.month, a.filename, a.content_type, a.size, a.sha256, a.taken_at, a.latitude,
               a.longitude, a.uploaded_by, n.display_name AS uploaded_by_name, a.uploaded_at, a.version
          FROM app.attachments a
          LEFT JOIN app.user_display_names(ARRAY[a.uploaded_by]) n ON true
        """

    /// The project's attachments, oldest first, and how many there are.
    public static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [AttachmentRecord], total: Int) {
        let rows = try connection.query("\(unsafeSQL: select) WHERE a.project_id = \(projectID) ORDER BY a.id LIMIT \(limit) OFFSET \(offset)")
        let total: Int = try connection.query("SELECT count(*)::int AS n FROM app.attachments WHERE project_id = \(projectID)")[0].decode("n")
        return (try rows.map(decode), total)
    }

    /// The attachments of several projects, in id order.
    public static func list(projectIDs: [Int64], on connection: Connection) throws -> [AttachmentRecord] {
        guard !projectIDs.isEmpty else { return [] }
        return try connection.query("\(unsafeSQL: select) WHERE a.project_id = ANY(\(projectIDs)::bigint[]) ORDER BY a.id").map(decode)
    }

    public static func find(id: Int64, on connection: Connection) throws -> AttachmentRecord? {
        try connection.query("\(unsafeSQL: select) WHERE a.id = \(id)").first.map(decode)
    }

    /// The attachment of `projectID` with this content, if the project has one.
    public static func find(projectID: Int64, sha256: String, on connection: Connection) throws -> AttachmentRecord? {
        try connection.query("\(unsafeSQL: select) WHERE a.project_id = \(projectID) AND a.sha256 = \(sha256)").first.map(decode)
    }

    /// Bytes already stored for the project's attachments (what its quota counts).
    public static func usedBytes(projectID: Int64, on connection: Connection) throws -> Int64 {
        try connection.query("SELECT coalesce(sum(size), 0)::bigint AS n FROM app.attachments WHERE project_id = \(projectID)")[0].decode("n")
    }

    /// Whether the caller may add an attachment to the project (of `month`): the insert policy is
    /// tried on a row that is rolled back at once, so the database answers before any byte is read.
    /// A month whose report is approved and locked for the caller throws its 55000 (0056).
    public static func mayUpload(projectID: Int64, month: Month?, on connection: Connection) throws -> Bool {
        try connection.execute("SAVEPOINT may_upload")
        defer { _ = try? connection.execute("ROLLBACK TO SAVEPOINT may_upload") }
        do {
            try connection.execute("""
                INSERT INTO app.attachments (project_id, month, filename, content_type, size, sha256)
                VALUES (\(projectID), \(month), 'probe', 'application/pdf', 1, repeat('0', 64))
                """)
            return true
        } catch let error as PostgresError where error.sqlState == SQLState.insufficientPrivilege {
            return false
        }
    }

    /// A new attachment id, for the chunks written before the metadata row.
    public static func reserveID(on connection: Connection) throws -> Int64 {
        try connection.query("SELECT nextval('app.attachments_id_seq') AS id")[0].decode("id")
    }

    /// Stores piece `seq` of attachment `id`.
    public static func insertChunk(id: Int64, seq: Int, bytes: [UInt8], on connection: Connection) throws {
        try connection.execute("INSERT INTO app.attachment_chunks (attachment_id, seq, data) VALUES (\(id), \(seq), \(binary: bytes))")
    }

    /// Serialises the uploads of one project until the transaction ends, so two cannot both fit the quota.
    public static func lockProject(_ projectID: Int64, on connection: Connection) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext('attachments'), hashtext(\(String(projectID))))")
    }

    /// Writes the metadata row of a finished upload.
    public static func insert(_ upload: AttachmentUpload, on connection: Connection) throws -> AttachmentRecord {
        try connection.execute("""
            INSERT INTO app.attachments (id, project_id, month, filename, content_type, size, sha256, taken_at, latitude, longitude)
            VALUES (\(upload.id), \(upload.projectID), \(upload.month), \(upload.filename), \(upload.contentType.rawValue),
                    \(upload.size), \(upload.sha256), \(upload.photo.takenAt), \(upload.photo.latitude), \(upload.photo.longitude))
            """)
        guard let record = try find(id: upload.id, on: connection) else {
            throw PostgresError(.decoding, reason: "the new attachment is not visible")
        }
        return record
    }

    /// Piece `seq` of a visible attachment's content, or nil.
    public static func chunk(id: Int64, seq: Int, on connection: Connection) throws -> [UInt8]? {
        try connection.bytes("SELECT data FROM app.attachment_chunks WHERE attachment_id = \(id) AND seq = \(seq)")
    }

    /// Deletes an attachment (its content with it) if still at `version`; false when no row went.
    public static func delete(id: Int64, version: Int, on connection: Connection) throws -> Bool {
        try connection.execute("DELETE FROM app.attachments WHERE id = \(id) AND version = \(version)") == 1
    }

    static func decode(_ row: Row) throws -> AttachmentRecord {
        AttachmentRecord(
            id: try row.decode("id"), projectID: try row.decode("project_id"), month: try row.decode("month"),
            filename: try row.decode("filename"), contentType: try row.decode("content_type"), size: try row.decode("size"),
            sha256: try row.decode("sha256"),
            photo: PhotoMetadata(takenAt: try row.decode("taken_at"), latitude: try row.decode("latitude"),
                                 longitude: try row.decode("longitude")),
            uploadedBy: try UserReference.decode(row, idColumn: "uploaded_by", nameColumn: "uploaded_by_name"),
            uploadedAt: try row.decode("uploaded_at"), version: try row.decode("version")
        )
    }
}
