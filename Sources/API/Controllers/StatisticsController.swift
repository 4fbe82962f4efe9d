import Campaign
import Hummingbird
import Store

/// `/statistics/fai`: statistical fixed-asset investment per district and month (county-entered).
struct StatisticsController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.put, "statistics/fai/:agency_id/:month", .countyEditor, "Set (201) or replace (If-Match) a district's monthly FAI", put)
                .documented(request: .ref("FAIStatisticInput"), response: .ref("FAIStatistic"), also: [201]),
            APIRoute(.get, "statistics/fai/:agency_id/:month", .signedIn, "A district's FAI for one month", show)
                .documented(response: .ref("FAIStatistic")),
            APIRoute(.get, "statistics/fai", .signedIn, "Visible monthly FAI figures of a year (year required; filter agency_id)", list)
                .documented(response: .page(of: .ref("FAIStatistic")))
                .query(.year(required: true), .id("agency_id", "only this agency's figures")),
        ]
    }

    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let agencyID = try Parameters.pathID("agency_id", in: context)
        let month = try Parameters.pathMonth("month", in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let amount = body.money("amount")
        try body.finish()
        guard let amount else { throw Problem.invalid(body.validator.errors) }
        let result = try await database.transaction(as: context.caller) { connection in
            try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: "FAI of agency \(agencyID) for \(month)", version: \FAIStatisticRecord.version,
                current: { try StatisticsQueries.find(agencyID: agencyID, month: month, on: connection) },
                insert: { try StatisticsQueries.insert(agencyID: agencyID, month: month, amount: amount.amount, on: connection) },
                update: { try StatisticsQueries.update(agencyID: agencyID, month: month, version: $0, amount: amount.amount, on: connection) }
            )
        }
        return try PutPreconditions.response(result, location: "/api/v1/statistics/fai/\(agencyID)/\(month)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let agencyID = try Parameters.pathID("agency_id", in: context)
        let month = try Parameters.pathMonth("month", in: context)
        guard let record = try await database.transaction(as: context.caller, {
            try StatisticsQueries.find(agencyID: agencyID, month: month, on: $0)
        }) else {
            throw Problem.notFound("FAI of agency \(agencyID) for \(month)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let year = query.year(required: true)
        let agencyID = query.id("agency_id")
        try query.check()
        guard let year else { throw Problem.invalid(query.validator.errors) }
        return try await ListPage.response(paging, context: context, database: database) {
            try StatisticsQueries.fai(year: year, agencyID: agencyID, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }
}

extension FAIStatisticRecord: VersionedRecord {}
