import Campaign
import Hummingbird
import Store

/// One route of `/api/v1`: the route table that the router, the OpenAPI document and the
/// access-matrix tests are all built from, so a route cannot be added to one and forgotten by another.
public struct APIRoute: Sendable {
    /// Who may call a route, as CONTRACT.md says; row-level security decides the rows.
    public enum Access: String, Sendable {
        /// No sign-in needed.
        case anyone
        /// Any signed-in user (reads; visibility by row-level security).
        case signedIn
        /// Editors and admins whose agency owns the row (district, department or county).
        case editor
        /// Reviewers of monthly reports: editors and admins of the county or of a department
        /// (row-level security and the project's lead department decide the rows).
        case reviewer
        /// County editors and admins only.
        case countyEditor
        /// Admins (county admins for any agency, agency admins for their own).
        case admin
        /// County admins only.
        case countyAdmin

        /// Who may call, in words for error messages.
        public var description: String {
            switch self {
            case .anyone: "no sign-in"
            case .signedIn: "a signed-in user"
            case .editor: "an editor or admin"
            case .reviewer: "a county or department editor or admin"
            case .countyEditor: "a county editor or admin"
            case .admin: "an admin"
            case .countyAdmin: "a county admin"
            }
        }
    }

    enum Handler: Sendable {
        case anyone(@Sendable (Request, AppRequestContext) async throws -> Response)
        case signedIn(@Sendable (Request, AuthenticatedContext) async throws -> Response)
    }

    public let method: HTTPRequest.Method
    /// The path under `/api/v1`, with `:name` parameters (`projects/:id`).
    public let path: String
    public let summary: String
    public let access: Access
    var handler: Handler
    /// The documented request body, success status and response body (see `documented`).
    public private(set) var request: Schema?
    public private(set) var response: Schema?
    public private(set) var successStatus = 200
    /// The media type of the success body (`text/event-stream` for a stream).
    public private(set) var mediaType = "application/json"
    /// Further success statuses with the same body (a PUT that creates answers 201, replaces 200).
    public private(set) var otherSuccessStatuses: [Int] = []
    /// Media types of a request body that is a file rather than JSON.
    public private(set) var rawRequestTypes: [String] = []
    /// Media types of a success body that is a file rather than JSON.
    public private(set) var rawResponseTypes: [String] = []
    /// The query parameters the handler reads, besides paging.
    public private(set) var query: [QueryParameter] = []
    /// A POST that changes a versioned resource and so needs `If-Match` (428/412).
    public private(set) var needsIfMatch = false

    /// The route, marked as needing `If-Match`.
    func requiringIfMatch() -> APIRoute {
        var route = self
        route.needsIfMatch = true
        return route
    }
    /// Whether the list also answers as a spreadsheet (`?format=xlsx|csv`, see `DownloadRequest`).
    public private(set) var downloadable = false
    /// Whether the route answers only with a file (a template), never JSON.
    public private(set) var fileOnly = false
    /// Whether the request body is a spreadsheet file (`.xlsx` or CSV) rather than JSON.
    public private(set) var uploadsSpreadsheet = false

    /// The route with its request and response documented for OpenAPI; `also` lists further
    /// success statuses answering the same body.
    func documented(
        request: Schema? = nil, response: Schema?, status: Int = 200, also: [Int] = [], mediaType: String = "application/json"
    ) -> APIRoute {
        var route = self
        route.mediaType = mediaType
        route.request = request
        route.response = response
        route.successStatus = status
        route.otherSuccessStatuses = also
        return route
    }

    /// The route documented as taking a file of one of `rawRequest` as its body, answering `response`.
    func documented(rawRequest: [String], response: Schema?, status: Int = 200, also: [Int] = []) -> APIRoute {
        var route = documented(response: response, status: status, also: also)
        route.rawRequestTypes = rawRequest
        return route
    }

    /// The route documented as answering a file of one of `rawResponse`.
    func documented(rawResponse: [String]) -> APIRoute {
        var route = documented(response: nil)
        route.rawResponseTypes = rawResponse
        return route
    }

    /// The route, documented as also answering a file of one of `types` (when its query asks for one).
    func alsoAnswering(files types: [String]) -> APIRoute {
        var route = self
        route.rawResponseTypes = types
        return route
    }

    /// The route with the query parameters its handler reads.
    func query(_ parameters: QueryParameter...) -> APIRoute { query(parameters) }

    func query(_ parameters: [QueryParameter]) -> APIRoute {
        var route = self
        route.query += parameters
        return route
    }

    /// The route, documented as also answering the whole list as `.xlsx` or CSV.
    func downloadable(fileOnly: Bool = false) -> APIRoute {
        var route = self
        route.downloadable = true
        route.fileOnly = fileOnly
        return route
    }

    /// The route, documented as taking an `.xlsx` or CSV file as its body.
    func uploading() -> APIRoute {
        var route = self
        route.uploadsSpreadsheet = true
        return route
    }

    /// A route that needs a signed-in user.
    init(
        _ method: HTTPRequest.Method, _ path: String, _ access: Access, _ summary: String,
        _ handler: @escaping @Sendable (Request, AuthenticatedContext) async throws -> Response
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.summary = summary
        self.handler = .signedIn(handler)
    }

    /// A route open to anyone (sign-in).
    init(
        public method: HTTPRequest.Method, _ path: String, _ summary: String,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        self.method = method
        self.path = path
        self.access = .anyone
        self.summary = summary
        self.handler = .anyone(handler)
    }

    /// Whether the caller's agency kind and role may call this route at all. Rows are still
    /// decided by row-level security; this only turns away callers who could never succeed
    /// (a viewer writing, a district on a county-only route) before their body is read.
    public func permits(_ caller: Caller) -> Bool {
        let writes = caller.role != .viewer
        let county = caller.agencyKind == .county
        switch access {
        case .anyone, .signedIn: return true
        case .editor: return writes
        case .reviewer: return writes && caller.agencyKind != .district
        case .countyEditor: return writes && county
        case .admin: return caller.role == .admin
        case .countyAdmin: return caller.role == .admin && county
        }
    }

    /// The component schema of a list page's items (`Notification`), nil for anything else.
    var listItemSchema: String? {
        guard let response, response.isPage, case .object(let properties, _) = response,
              case .array(.ref(let name))? = properties["items"] else { return nil }
        return name
    }

    /// The path as OpenAPI writes it: `/api/v1/projects/{id}`.
    /// The component the request body refers to, if it names one.
    var requestSchemaName: String? {
        guard case .ref(let name)? = request else { return nil }
        return name
    }

    public var openAPIPath: String {
        "/api/v1/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}

/// A controller: a struct with one route table.
protocol APIController: Sendable {
    var routes: [APIRoute] { get }
}
