import Campaign
import Foundation
import Hummingbird
import Store

/// `GET /oc4ids`: the visible projects as an OC4IDS 0.9 project package, written project by
/// project as pages of them are read (a package of any size never sits whole in memory).
struct OpenDataController: APIController {
    let database: Database
    let settings: OpenDataSettings
    /// Projects read per transaction.
    static let pageSize = 200

    var routes: [APIRoute] {
        [
            APIRoute(.get, "oc4ids", .signedIn, "The visible projects as an OC4IDS 0.9 project package; filters as for projects", package)
                .documented(response: .ref("OC4IDSPackage"))
                .query(QueryParameter.projectFilters),
        ]
    }

    @Sendable func package(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let filter = try ProjectController.filter(request)
        let (database, settings, caller) = (database, settings, context.caller)
        let head = try Self.head(settings: settings, published: Date())
        let body = ResponseBody { writer in
            try await writer.write(head)
            var after: Int64 = 0
            var first = true
            while true {
                let start = after
                let page = try await database.transaction(as: caller) {
                    try OpenDataQueries.page(filter, afterID: start, limit: Self.pageSize, on: $0)
                }
                var buffer = ByteBuffer()
                for item in page {
                    if !first { buffer.writeString(",") }
                    first = false
                    var encoded = try JSONStreamEncoder.encode(OC4IDSProject.json(item, settings: settings))
                    buffer.writeBuffer(&encoded)
                }
                try await writer.write(buffer)
                guard page.count == Self.pageSize, let last = page.last else { break }
                after = last.project.id
            }
            try await writer.write(ByteBuffer(string: "]}"))
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: body)
    }

    /// The package up to the opening of `projects`.
    static func head(settings: OpenDataSettings, published: Date) throws -> ByteBuffer {
        let package: JSONValue = [
            "uri": .string("\(settings.baseURL)/api/v1/oc4ids"),
            "publishedDate": .string(published.formatted(.iso8601)),
            "publisher": ["name": .string(settings.publisher)],
            "version": "0.9",
        ]
        var buffer = try JSONStreamEncoder.encode(package)
        buffer.moveWriterIndex(to: buffer.writerIndex - 1)
        buffer.writeString(",\"projects\":[")
        return buffer
    }
}
