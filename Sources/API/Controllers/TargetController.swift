import Campaign
import Foundation
import Hummingbird
import Store

/// `/targets`: each assessed agency's annual target per indicator (目标任务分解).
struct TargetController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.put, "targets/:year/:agency_id", .countyEditor, "Set (201) or replace (If-Match) an agency's targets for a year", put)
                .documented(request: .ref("TargetsInput"), response: .ref("Targets"), also: [201]),
            APIRoute(.get, "targets/:year/:agency_id", .signedIn, "An agency's targets for a year", show)
                .documented(response: .ref("Targets")),
            APIRoute(.get, "targets/:year", .signedIn, "The visible agencies' targets for a year (download: targets beside actuals to date)", list)
                .documented(response: .page(of: .ref("Targets"))).downloadable(),
        ]
    }

    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        let agencyID = try Parameters.pathID("agency_id", in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let amounts = try Self.amounts(&body)
        let what = "targets of agency \(agencyID) for \(year)"
        let result = try await database.transaction(as: context.caller) { connection -> (TargetRecord, Bool) in
            // Invalid input is 422 whatever If-Match says: only departments and districts have targets.
            guard let agency = try AgencyQueries.find(id: agencyID, on: connection)?.summary.kind, agency != .county else {
                throw Problem.invalid([FieldError(field: "agency_id", .notDepartmentOrDistrict)])
            }
            let visible = try TargetQueries.find(year: year, agencyID: agencyID, on: connection)
            if let visible {
                guard let ifMatch else { throw Preconditions.required(current: visible.version, what: what) }
                guard visible.version == ifMatch else { throw Preconditions.stale(current: visible.version) }
                // Locked rows are those the caller may write; a concurrent replacement shows here.
                let stored = try TargetQueries.lockRows(year: year, agencyID: agencyID, on: connection)
                guard !stored.isEmpty else { throw Preconditions.unchanged(current: visible.version, expected: ifMatch, what: what) }
                let current = stored.map(\.version).max() ?? 0
                guard current == ifMatch else { throw Preconditions.stale(current: current) }
                let existing = Set(stored.map(\.indicator))
                try TargetQueries.update(year: year, agencyID: agencyID, amounts: amounts.filter { existing.contains($0.key) }, on: connection)
                _ = try TargetQueries.insert(year: year, agencyID: agencyID, amounts: amounts.filter { !existing.contains($0.key) }, on: connection)
            } else {
                if ifMatch != nil {
                    throw Problem(.preconditionFailed, .notCreatedYet, ["what": what])
                }
                guard try TargetQueries.insert(year: year, agencyID: agencyID, amounts: amounts, on: connection) == amounts.count else {
                    throw Preconditions.required(current: try TargetQueries.find(year: year, agencyID: agencyID, on: connection)?.version, what: what)
                }
            }
            guard let record = try TargetQueries.find(year: year, agencyID: agencyID, on: connection) else {
                throw Problem.notFound(what)
            }
            return (record, visible == nil)
        }
        return try PutPreconditions.response(result, location: "/api/v1/targets/\(year)/\(agencyID)")
    }

    /// Each indicator's target: a number ≥ 0 with at most two decimals, or null; absent is null.
    static func amounts(_ body: inout RequestBody) throws -> [Indicator: Decimal?] {
        var amounts: [Indicator: Decimal?] = [:]
        for indicator in Indicator.allCases {
            amounts[indicator] = .some(body.money(indicator.rawValue, required: false, nullable: true)?.amount)
        }
        try body.finish()
        return amounts
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        let agencyID = try Parameters.pathID("agency_id", in: context)
        guard let record = try await database.transaction(as: context.caller, {
            try TargetQueries.find(year: year, agencyID: agencyID, on: $0)
        }) else {
            throw Problem.notFound("targets of agency \(agencyID) for \(year)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        // Paging is checked even for a download, which sends the whole list: a bad limit is 422 either way.
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.targets(year: year), format: format, database: database, context: context)
        }
        return try await ListPage.response(paging, context: context, database: database) {
            try TargetQueries.list(year: year, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }
}

extension TargetRecord: VersionedRecord {}
