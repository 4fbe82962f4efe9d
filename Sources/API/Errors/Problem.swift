import Campaign
import Foundation
import Hummingbird

/// An RFC 9457 problem: every error the API answers, as `application/problem+json`.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    /// A stable snake_case code programs read (`explanation_required`); nil where none is set yet.
    public var code: String?
    public var errors: [FieldError]
    /// Wrong cells of an uploaded sheet (`{"row","column","message"}`), written as `errors`.
    public var sheetErrors: [SheetError] = []
    /// Extra members, such as `current_version` on a 412.
    public var extensions: [String: Int]
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, detail: String, errors: [FieldError] = [],
        extensions: [String: Int] = [:], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.detail = detail
        self.errors = errors
        self.extensions = extensions
        self.headers = headers
    }

    /// 422 with one entry per invalid field.
    public static func invalid(_ errors: [FieldError]) -> Problem {
        Problem(.unprocessableContent, detail: "the request has invalid fields; see errors", errors: errors)
    }

    /// 404 for a row that does not exist or that the caller may not see.
    public static func notFound(_ what: String) -> Problem {
        Problem(.notFound, detail: "\(what) not found")
    }

    /// The members written as the response body (also inside a batch review's results).
    var body: ProblemBody {
        ProblemBody(
            type: "about:blank", title: status.reasonPhrase, status: Int(status.code), detail: detail, code: code,
            errors: errors.isEmpty ? nil : errors, sheetErrors: sheetErrors.isEmpty ? nil : sheetErrors, extensions: extensions
        )
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        // RFC 9110 §11.6.1: a 401 names the scheme that would work.
        if status == .unauthorized, fields[.wwwAuthenticate] == nil { fields[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: try body.encoded())))
    }
}

/// The JSON members of a problem response.
struct ProblemBody: Encodable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String?
    var errors: [FieldError]?
    var sheetErrors: [SheetError]?
    var extensions: [String: Int]

    enum Keys: String, CodingKey { case type, title, status, detail, code, errors }

    struct ExtensionKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(errors, forKey: .errors)
        if errors == nil { try container.encodeIfPresent(sheetErrors, forKey: .errors) }
        var more = encoder.container(keyedBy: ExtensionKey.self)
        for (key, value) in extensions { try more.encode(value, forKey: ExtensionKey(stringValue: key)) }
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
