import Hummingbird
import Postgres
import Store

extension ListPage where Items: Sendable {
    /// The answer of a list route: the page (`paging`) that `read` takes in one transaction as
    /// the caller, as `{"items","total","limit","offset"}`.
    static func response(
        _ paging: Paging, context: AuthenticatedContext, database: Database,
        _ read: @escaping @Sendable (_ connection: Connection) throws -> (items: Items, total: Int)
    ) async throws -> Response {
        let page = try await database.transaction(as: context.caller, read)
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }
}
