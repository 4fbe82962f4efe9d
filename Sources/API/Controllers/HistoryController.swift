import Campaign
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
        let id = try Parameters.pathID("id", in: context)
        let paging = try Paging(request)
        let (page, display) = try await database.transaction(as: context.caller) { connection in
            try ParentRow.project.require(id, on: connection)
            let page = try HistoryQueries.list(projectID: id, limit: paging.limit, offset: paging.offset, on: connection)
            let raw = try page.items.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.changesJSON.utf8)) }
            var names: [String: [Int64: String]] = [:]
            for (column, table) in HistoryDisplay.references {
                names[column] = try HistoryQueries.names(in: table, HistoryDisplay.ids(raw) { $0 == column }, on: connection)
            }
            let users = try HistoryQueries.userNames(HistoryDisplay.ids(raw) { $0.hasSuffix("_by") }, on: connection)
            return (page, HistoryDisplay(users: users, names: names))
        }
        let items = try page.items.map { try HistoryItem($0, display: display) }
        return try JSONResponse.make(ListPage(items: items, total: page.total, paging: paging))
    }
}

/// One entry of the history response: `at, user, action, changes` and which row changed; the
/// user again as `changed_by`, each change with its label and displays, and the import it came
/// from as `source` (null when it came from a form).
struct HistoryItem: Encodable, Sendable {
    var id: Int64
    var at: Date
    var user: UserReference?
    var action: String
    var table: String
    var rowID: Int64?
    var changes: JSONValue
    var source: JSONValue

    enum CodingKeys: String, CodingKey {
        case id, at, user, action, table, changes, source
        case rowID = "row_id"
        case changedBy = "changed_by"
    }

    /// `user`, `changed_by` and `row_id` are written as null when absent (a change made outside the API).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(user, forKey: .user)
        try container.encode(user, forKey: .changedBy)
        try container.encode(action, forKey: .action)
        try container.encode(table, forKey: .table)
        try container.encode(rowID, forKey: .rowID)
        try container.encode(changes, forKey: .changes)
        try container.encode(source, forKey: .source)
    }

    init(_ entry: HistoryEntry, display: HistoryDisplay) throws {
        id = entry.id
        at = entry.at
        user = entry.user
        action = entry.action
        table = entry.table
        rowID = entry.rowID
        let raw = try JSONDecoder().decode(JSONValue.self, from: Data(entry.changesJSON.utf8))
        changes = display.changes(raw, table: entry.table)
        source = HistoryDisplay.source(raw)
    }
}
