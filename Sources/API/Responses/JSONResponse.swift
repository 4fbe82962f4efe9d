import Foundation
import Campaign
import Hummingbird

/// Builds JSON responses, written by `JSONStreamEncoder`.
public enum JSONResponse {
    /// A JSON response; `version` adds `ETag: "<version>"`, `location` a `Location` header.
    public static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, version: Int? = nil, location: String? = nil
    ) throws -> Response {
        make(encoded: try JSONStreamEncoder.encode(value), status: status, version: version, location: location)
    }

    /// A response of JSON text already written by `JSONStreamEncoder` (where it had to be written
    /// with the connection still held: `RecordRows`).
    public static func make(
        encoded json: ByteBuffer, status: HTTPResponse.Status = .ok, version: Int? = nil, location: String? = nil
    ) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let version { headers[.eTag] = "\"\(version)\"" }
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: json))
    }
}

/// A page of a list: `{"items","total","limit","offset"}`; `items` is an array of records, or
/// rows written as records (`RecordRows`).
public struct ListPage<Items: Encodable>: JSONObject {
    public var items: Items
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: Items, total: Int, paging: Paging) {
        self.items = items
        self.total = total
        self.limit = paging.limit
        self.offset = paging.offset
    }

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("items", encoding: items)
        try writer.write("total", total)
        try writer.write("limit", limit)
        try writer.write("offset", offset)
    }
}

extension ListPage: Sendable where Items: Sendable {}

/// `limit` (default 50, at most 500) and `offset` from the query string.
public struct Paging: Sendable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int = 50, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    public init(_ request: Request) throws {
        var query = Parameters(query: request)
        limit = query.integer("limit", in: 1...500) ?? 50
        offset = query.integer("offset", in: 0...Int(Int32.max)) ?? 0
        try query.check()
    }
}
