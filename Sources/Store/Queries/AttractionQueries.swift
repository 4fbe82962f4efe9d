import Campaign
import Foundation
import Postgres

/// Investment attraction: teams, their deals and the receipts of funds in place.
public enum AttractionQueries {
    static let teamColumns = "t.id, t.version, t.updated_at, t.name, t.lead_department_id"

    /// The visible teams, by name.
    public static func teams(limit: Int, offset: Int, on connection: Connection) throws -> (items: [TeamRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: teamColumns), count(*) OVER () AS total FROM app.attraction_teams t
             ORDER BY t.name, t.id LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? teams(limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decodeTeam), total)
    }

    /// One visible team, or nil.
    public static func team(id: Int64, on connection: Connection) throws -> TeamRecord? {
        try connection.query("SELECT \(unsafeSQL: teamColumns) FROM app.attraction_teams t WHERE t.id = \(id)").first.map(decodeTeam)
    }

    /// Creates a team.
    public static func insertTeam(name: String, leadDepartmentID: Int64, on connection: Connection) throws -> TeamRecord {
        try decodeTeam(connection.query("""
            INSERT INTO app.attraction_teams AS t (name, lead_department_id) VALUES (\(name), \(leadDepartmentID))
            RETURNING \(unsafeSQL: teamColumns)
            """)[0])
    }

    /// Changes a team if it is still at `version`; nil when no row was changed.
    public static func updateTeam(id: Int64, version: Int, name: String, leadDepartmentID: Int64, on connection: Connection) throws -> TeamRecord? {
        try connection.query("""
            UPDATE app.attraction_teams AS t SET name = \(name), lead_department_id = \(leadDepartmentID)
             WHERE t.id = \(id) AND t.version = \(version)
            RETURNING \(unsafeSQL: teamColumns)
            """).first.map(decodeTeam)
    }

    static let dealSelect = """
        SELECT d.id, d.version, d.updated_at, d.team_id, d.investor, d.investor_kind, d.signed_amount, d.signed_on,
               d.district_id, d.project_id,
               (SELECT coalesce(sum(r.amount), 0) FROM app.receipts r WHERE r.deal_id = d.id) AS funds_in_place
          FROM app.deals d
        """

    /// The visible deals (of one team or district when given), newest signature first.
    public static func deals(teamID: Int64?, districtID: Int64?, limit: Int, offset: Int, on connection: Connection) throws -> (items: [DealRecord], total: Int) {
        let rows = try connection.query("""
            SELECT page.*, count(*) OVER () AS total FROM (\(unsafeSQL: dealSelect)
             WHERE (\(teamID)::bigint IS NULL OR d.team_id = \(teamID))
               AND (\(districtID)::bigint IS NULL OR d.district_id = \(districtID))) page
             ORDER BY page.signed_on DESC, page.id DESC LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? deals(teamID: teamID, districtID: districtID, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decodeDeal), total)
    }

    /// One visible deal, or nil.
    public static func deal(id: Int64, on connection: Connection) throws -> DealRecord? {
        try connection.query("\(unsafeSQL: dealSelect) WHERE d.id = \(id)").first.map(decodeDeal)
    }

    /// Creates a deal.
    public static func insertDeal(_ fields: DealFields, on connection: Connection) throws -> DealRecord {
        let id: Int64 = try connection.query("""
            INSERT INTO app.deals (team_id, investor, investor_kind, signed_amount, signed_on, district_id, project_id)
            VALUES (\(fields.teamID), \(fields.investor), \(fields.investorKind.rawValue), \(fields.signedAmount),
                    \(fields.signedOn), \(fields.districtID), \(fields.projectID))
            RETURNING id
            """)[0].decode("id")
        return try deal(id: id, on: connection)!
    }

    /// Changes a deal if it is still at `version`; nil when no row was changed.
    public static func updateDeal(id: Int64, version: Int, to fields: DealFields, on connection: Connection) throws -> DealRecord? {
        let changed = try connection.execute("""
            UPDATE app.deals SET team_id = \(fields.teamID), investor = \(fields.investor),
                   investor_kind = \(fields.investorKind.rawValue), signed_amount = \(fields.signedAmount),
                   signed_on = \(fields.signedOn), district_id = \(fields.districtID), project_id = \(fields.projectID)
             WHERE id = \(id) AND version = \(version)
            """)
        return changed == 0 ? nil : try deal(id: id, on: connection)
    }

    /// Whether the caller can see the project (a deal may name only such a project).
    public static func projectIsVisible(_ id: Int64, on connection: Connection) throws -> Bool {
        try connection.query("SELECT 1 FROM app.projects WHERE id = \(id)").count == 1
    }

    static let receiptColumns = "r.id, r.version, r.updated_at, r.deal_id, r.received_on, r.amount"

    /// A deal's receipts by date.
    public static func receipts(dealID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ReceiptRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: receiptColumns), count(*) OVER () AS total FROM app.receipts r
             WHERE r.deal_id = \(dealID) ORDER BY r.received_on, r.id LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? receipts(dealID: dealID, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decodeReceipt), total)
    }

    /// Records funds received for a deal.
    public static func insertReceipt(dealID: Int64, receivedOn: CalendarDate, amount: Decimal, on connection: Connection) throws -> ReceiptRecord {
        try decodeReceipt(connection.query("""
            INSERT INTO app.receipts AS r (deal_id, received_on, amount) VALUES (\(dealID), \(receivedOn), \(amount))
            RETURNING \(unsafeSQL: receiptColumns)
            """)[0])
    }

    static func decodeTeam(_ row: Row) throws -> TeamRecord {
        TeamRecord(
            id: try row.decode("id"), version: try row.decode("version"), name: try row.decode("name"),
            leadDepartmentID: try row.decode("lead_department_id"), updatedAt: try row.decode("updated_at")
        )
    }

    static func decodeDeal(_ row: Row) throws -> DealRecord {
        DealRecord(
            id: try row.decode("id"), version: try row.decode("version"),
            fields: DealFields(
                teamID: try row.decode("team_id"), investor: try row.decode("investor"),
                investorKind: try row.decode("investor_kind"), signedAmount: try row.decode("signed_amount"),
                signedOn: try row.decode("signed_on"), districtID: try row.decode("district_id"),
                projectID: try row.decode("project_id")
            ),
            fundsInPlace: try row.decode("funds_in_place"), updatedAt: try row.decode("updated_at")
        )
    }

    static func decodeReceipt(_ row: Row) throws -> ReceiptRecord {
        ReceiptRecord(
            id: try row.decode("id"), version: try row.decode("version"), dealID: try row.decode("deal_id"),
            receivedOn: try row.decode("received_on"), amount: try row.decode("amount"), updatedAt: try row.decode("updated_at")
        )
    }
}
