import Hummingbird
import Store

/// The record of imports (`app.imports`): what each upload did, by whom, from which file, seen
/// under the table's row-level security (the county: every import; others: their agency's).
extension ImportController {
    /// `GET /imports`: a list page, newest first, or every row as `.xlsx`/CSV with `format=`.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.imports(), format: format, database: database, context: context)
        }
        return try await ListPage.response(paging, context: context, database: database) {
            try ImportQueries.list(limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    /// `GET /imports/{id}`: one recorded import; 404 when the caller may not see it.
    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try ImportQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("import \(id)")
        }
        return try JSONResponse.make(record)
    }
}
