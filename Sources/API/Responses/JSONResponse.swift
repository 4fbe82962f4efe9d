import Foundation
import Campaign
import Hummingbird

/// Builds JSON responses, written by `JSONStreamEncoder`.
public enum JSONResponse {
    /// A JSON response; `version` adds `ETag: "<version>"`, `location` a `Location` header.
    public static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, version: Int? = nil, location: String? = nil
    ) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let version { headers[.eTag] = "\"\(version)\"" }
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: try JSONStreamEncoder.encode(value)))
    }
}

/// A page of a list: `{"items","total","limit","offset"}`.
public struct ListPage<Item: Encodable & Sendable>: JSONObject, Sendable {
    public var items: [Item]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [Item], total: Int, paging: Paging) {
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

/// `limit` (default 50, at most 500) and `offset` from the query string.
public struct Paging: Sendable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int = 50, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    public init(_ request: Request) throws {
        var errors: [Campaign.FieldError] = []
        func read(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = request.uri.queryParameters[Substring(name)] else { return value }
            guard let number = Int(text), range.contains(number) else {
                errors.append(.init(field: name, .integerOutOfRange, ["min": "\(range.lowerBound)", "max": "\(range.upperBound)", "got": String(text.prefix(20))]))
                return value
            }
            return number
        }
        limit = read("limit", default: 50, range: 1...500)
        offset = read("offset", default: 0, range: 0...Int(Int32.max))
        if !errors.isEmpty { throw Problem.invalid(errors) }
    }
}
