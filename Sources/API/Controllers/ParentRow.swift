import Hummingbird
import Postgres
import Store

/// A row that other rows are kept under (`projects/:id/reports`, `parks/:id/items`): what the
/// caller does not see of it is 404, named `<noun> <id>`, before anything under it is read or
/// written.
struct ParentRow: Sendable {
    /// The row in words, for messages (`project`).
    let noun: String
    /// Whether the caller sees the row with that id.
    let isVisible: @Sendable (_ id: Int64, _ connection: Connection) throws -> Bool

    /// Projects, the parent of reports, plans, attachments, funding, approvals, problems and history.
    static let project = ParentRow(noun: "project", isVisible: ProjectQueries.isVisible(id:on:))

    /// 404 unless the caller sees the row.
    func require(_ id: Int64, on connection: Connection) throws {
        guard try isVisible(id, connection) else { throw Problem.notFound("\(noun) \(id)") }
    }

    /// `GET …/:id/<rows>`: a page (`limit`, `offset`) of the rows `list` reads under the parent
    /// of the path's id, in one transaction as the caller.
    func page<Item: Encodable & Sendable>(
        _ request: Request, context: AuthenticatedContext, database: Database,
        list: @escaping @Sendable (_ parentID: Int64, _ paging: Paging, _ connection: Connection) throws -> (items: [Item], total: Int)
    ) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let paging = try Paging(request)
        return try await ListPage.response(paging, context: context, database: database) { connection in
            try require(id, on: connection)
            return try list(id, paging, connection)
        }
    }
}
