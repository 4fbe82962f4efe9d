import Campaign
import Foundation
import Hummingbird

/// An RFC 9457 problem: every error the API answers, as `application/problem+json`, with the
/// catalogue `code` programs read and `title`/`detail` in the language the request prefers.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// What went wrong: the `code` and the words of `detail`.
    public var message: Message
    public var errors: [FieldError]
    /// Wrong cells of an uploaded sheet (`{"row","column","code","message"}`), written as `errors`.
    public var sheetErrors: [SheetError] = []
    /// Extra members, such as `current_version` on a 412.
    public var extensions: [String: Int]
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ code: MessageCode, _ arguments: [String: String] = [:], errors: [FieldError] = [],
        extensions: [String: Int] = [:], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.message = Message(code, arguments)
        self.errors = errors
        self.extensions = extensions
        self.headers = headers
    }

    /// A problem whose message was made elsewhere.
    public init(_ status: HTTPResponse.Status, message: Message, errors: [FieldError] = [], headers: HTTPFields = [:]) {
        self.init(status, message.code, message.arguments, errors: errors, headers: headers)
    }

    /// The problem's code.
    public var code: MessageCode { message.code }

    /// 422 with one entry per invalid field.
    public static func invalid(_ errors: [FieldError]) -> Problem {
        Problem(.unprocessableContent, .invalidFields, errors: errors)
    }

    /// 404 for a row that does not exist or that the caller may not see; `what` names it in English.
    public static func notFound(_ what: String) -> Problem {
        Problem(.notFound, .notFound, ["what": what])
    }

    /// The members written as the response body in `language` (also inside a batch review's results).
    func body(_ language: Language) -> ProblemBody {
        ProblemBody(problem: self, language: language)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        fields[.contentLanguage] = language == .en ? "en" : "zh-CN"
        if fields[.vary] == nil { fields[.vary] = "Accept-Language" }
        // RFC 9110 §11.6.1: a 401 names the scheme that would work.
        if status == .unauthorized, fields[.wwwAuthenticate] == nil { fields[.wwwAuthenticate] = "Bearer" }
        let body = ProblemBody(problem: self, language: language)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: try body.encoded())))
    }
}
