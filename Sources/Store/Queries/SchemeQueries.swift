import Campaign
import Foundation
import Postgres

/// The assessment scheme of each year (absent keys of a stored scheme take the default's values).
public enum SchemeQueries {
    /// A stored scheme and its version.
    public struct Stored: Sendable {
        public var scheme: AssessmentScheme
        public var version: Int
    }

    /// The scheme stored for `year`, or nil if the year uses the default.
    public static func find(year: Int, forUpdate: Bool = false, on connection: Connection) throws -> Stored? {
        guard let row = try connection.query("""
            SELECT scheme::text AS scheme, version FROM app.assessment_schemes WHERE year = \(year)
            \(unsafeSQL: forUpdate ? "FOR UPDATE" : "")
            """).first else { return nil }
        let text: String = try row.decode("scheme")
        do {
            let scheme = try JSONDecoder().decode(AssessmentScheme.self, from: Data(text.utf8))
            return Stored(scheme: scheme, version: try row.decode("version"))
        } catch {
            throw PostgresError(.decoding, reason: "the stored scheme of \(year) is not a scheme document")
        }
    }

    /// Stores `scheme` for `year`: inserts it, or replaces it if it is at `version`.
    /// Returns the new version, or nil when an existing row was not at `version` (or not writable)
    /// or, inserting, when a concurrent transaction stored the year's scheme first.
    public static func save(
        _ scheme: AssessmentScheme, year: Int, replacing version: Int?, on connection: Connection
    ) throws -> Int? {
        let json = String(decoding: try scheme.jsonData(), as: UTF8.self)
        if let version {
            return try connection.query("""
                UPDATE app.assessment_schemes SET scheme = \(json)::jsonb
                 WHERE year = \(year) AND version = \(version) RETURNING version
                """).first?.decode("version")
        }
        return try connection.query("""
            INSERT INTO app.assessment_schemes (year, scheme) VALUES (\(year), \(json)::jsonb)
            ON CONFLICT (year) DO NOTHING RETURNING version
            """).first?.decode("version")
    }
}
