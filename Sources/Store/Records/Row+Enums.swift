import Campaign
import Postgres

extension Row {
    /// Decodes a text column into a `String`-backed enumeration of the domain.
    public func decode<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E where E.RawValue == String {
        let text = try decode(column, as: String.self)
        guard let value = E(rawValue: text) else {
            throw PostgresError(.decoding, reason: "unexpected value in column \(column) for \(E.self)")
        }
        return value
    }

    /// Decodes the user columns returned by the session functions.
    func decodeUser() throws -> UserSummary {
        UserSummary(
            id: try decode("user_id"), username: try decode("username"), displayName: try decode("display_name"),
            role: try decode("role"),
            agency: AgencySummary(
                id: try decode("agency_id"), code: try decode("agency_code"),
                name: try decode("agency_name"), kind: try decode("agency_kind")
            )
        )
    }
}
