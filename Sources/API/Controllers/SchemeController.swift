import Campaign
import Foundation
import Hummingbird
import Store

/// `/schemes/{year}`: the assessment scheme of a year; a year with none uses the default.
struct SchemeController: APIController {
    let database: Database
    let defaultScheme: AssessmentScheme

    static let keys: Set<String> = [
        "weights", "quarter_shares", "cap", "annual_weight", "quarterly_weight", "late_report_penalty",
        "late_report_penalty_cap", "report_deadline_day",
    ]

    var routes: [APIRoute] {
        [
            APIRoute(.get, "schemes/:year", .signedIn, "The year's assessment scheme (the default if none is set)", show)
                .documented(response: .ref("Scheme")),
            APIRoute(.put, "schemes/:year", .countyEditor, "Set the year's assessment scheme (If-Match to replace)", replace)
                .documented(request: .ref("SchemeInput"), response: .ref("Scheme"), also: [201]),
        ]
    }

    /// The stored scheme with its `ETag`, or the default (no `ETag`: there is nothing to match).
    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        let stored = try await database.transaction(as: context.caller) { try SchemeQueries.find(year: year, on: $0) }
        return try JSONResponse.make(stored?.scheme ?? defaultScheme, version: stored?.version)
    }

    /// Creates (201) or replaces (200, needs `If-Match`) the year's scheme, validated.
    @Sendable func replace(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        guard AssessmentParameters.mayManage(context.caller) else { throw AssessmentParameters.forbidden("set assessment schemes") }
        let scheme = try await Self.parse(request, context: context)
        var ifMatch: Int?
        if request.headers[.ifMatch] != nil { ifMatch = try Preconditions.requiredVersion(request) }
        let expected = ifMatch
        let (version, created) = try await database.transaction(as: context.caller) { connection -> (Int, Bool) in
            let current = try SchemeQueries.find(year: year, forUpdate: true, on: connection)
            if let current {
                guard let expected else { throw Preconditions.required(current: current.version, what: "the scheme of \(year)") }
                guard current.version == expected else { throw Preconditions.stale(current: current.version) }
            }
            guard let version = try SchemeQueries.save(scheme, year: year, replacing: current?.version, on: connection) else {
                if current == nil, let stored = try SchemeQueries.find(year: year, on: connection) {
                    throw Preconditions.required(current: stored.version, what: "the scheme of \(year)")
                }
                throw AssessmentParameters.forbidden("set assessment schemes")
            }
            return (version, current == nil)
        }
        return try JSONResponse.make(
            scheme, status: created ? .created : .ok, version: version, location: created ? "/api/v1/schemes/\(year)" : nil)
    }

    /// The body as a scheme: 400 if malformed, 422 listing unknown keys and every broken rule.
    static func parse(_ request: Request, context: AuthenticatedContext) async throws -> AssessmentScheme {
        let (data, value) = try await RequestBody.readJSON(request, context: context)
        guard case .object(let fields) = value else {
            throw Problem(.badRequest, .schemeNotObject)
        }
        let unknown = fields.keys.filter { !keys.contains($0) }.sorted()
        switch AssessmentScheme.parse(data) {
        case .success(let scheme) where unknown.isEmpty:
            return scheme
        case .success:
            throw Problem.invalid(unknown.map { FieldError(field: $0, .unknownField) })
        case .failure(.malformed(let detail)):
            throw Problem(.badRequest, .jsonInvalid, ["reason": detail])
        case .failure(.invalid(let errors)):
            throw Problem.invalid(unknown.map { FieldError(field: $0, .unknownField) } + errors)
        }
    }
}
