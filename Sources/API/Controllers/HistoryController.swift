import Foundation
import Hummingbird
import Store

/// `/projects/{id}/history`: every change of a project and of the rows under it, newest first.
struct HistoryController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects/:id/history", .signedIn, "The project's change history, newest first", list)
                .documented(response: .page(of: .ref("HistoryEntry"))),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: id, on: connection) else { throw Problem.notFound("project \(id)") }
            return try HistoryQueries.list(projectID: id, limit: paging.limit, offset: paging.offset, on: connection)
        }
        let items = try page.items.map(HistoryItem.init)
        return try JSONResponse.make(ListPage(items: items, total: page.total, paging: paging))
    }
}

/// One entry of the history response: `at, user, action, changes` and which row changed.
struct HistoryItem: Encodable, Sendable {
    var id: Int64
    var at: Date
    var user: UserReference?
    var action: String
    var table: String
    var rowID: Int64?
    var changes: JSONValue

    enum CodingKeys: String, CodingKey {
        case id, at, user, action, table, changes
        case rowID = "row_id"
    }

    /// `user` and `row_id` are written as null when absent (a change made outside the API).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(user, forKey: .user)
        try container.encode(action, forKey: .action)
        try container.encode(table, forKey: .table)
        try container.encode(rowID, forKey: .rowID)
        try container.encode(changes, forKey: .changes)
    }

    init(_ entry: HistoryEntry) throws {
        id = entry.id
        at = entry.at
        user = entry.user
        action = entry.action
        table = entry.table
        rowID = entry.rowID
        changes = try JSONDecoder().decode(JSONValue.self, from: Data(entry.changesJSON.utf8))
    }
}
