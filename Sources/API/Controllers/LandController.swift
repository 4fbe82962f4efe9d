import Campaign
import Hummingbird
import Store

/// `/land`: the county's construction-land quota per year and its allocation to projects.
struct LandController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "land/quotas/:year", .signedIn, "A year's land quota with the visible allocated totals", showQuota)
                .documented(response: .ref("LandQuota")),
            APIRoute(.put, "land/quotas/:year", .countyEditor, "Set (201) or replace (If-Match) a year's land quota", putQuota)
                .documented(request: .ref("LandQuotaInput"), response: .ref("LandQuota"), also: [201]),
            APIRoute(.get, "land/quotas/:year/allocations", .signedIn, "The visible allocations of a year's quota", allocations)
                .documented(response: .page(of: .ref("LandAllocation"))),
            APIRoute(.post, "land/allocations", .countyEditor, "Allocate land to a project within the quota", allocate)
                .documented(request: .ref("LandAllocationInput"), response: .ref("LandAllocation"), status: 201),
            APIRoute(.get, "land/allocations/:id", .signedIn, "One allocation", showAllocation)
                .documented(response: .ref("LandAllocation")),
            APIRoute(.delete, "land/allocations/:id", .countyEditor, "Withdraw an allocation (needs If-Match)", deleteAllocation)
                .documented(response: nil, status: 204),
        ]
    }

    @Sendable func showQuota(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        guard let record = try await database.transaction(as: context.caller, { try LandQueries.quota(year: year, on: $0) }) else {
            throw Problem.notFound("land quota of \(year)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func putQuota(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let (quota, reserved) = try LandBody.quota(&body)
        let result = try await database.transaction(as: context.caller) { connection in
            try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: "land quota of \(year)", version: \LandQuotaRecord.version,
                current: { try LandQueries.quota(year: year, on: connection) },
                insert: {
                    try LandQueries.insertQuota(year: year, quota: quota, reserved: reserved, on: connection)
                        ? LandQueries.quota(year: year, on: connection) : nil
                },
                update: {
                    try LandQueries.updateQuota(year: year, version: $0, quota: quota, reserved: reserved, on: connection)
                        ? LandQueries.quota(year: year, on: connection) : nil
                }
            )
        }
        return try PutPreconditions.response(result, location: "/api/v1/land/quotas/\(year)")
    }

    @Sendable func allocations(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let year = try Parameters.pathYear(in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try LandQueries.quota(year: year, on: connection) != nil else { throw Problem.notFound("land quota of \(year)") }
            return try LandQueries.allocations(year: year, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func allocate(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let fields = try LandBody.allocation(&body)
        let record = try await database.transaction(as: context.caller) { try LandQueries.allocate(fields, on: $0) }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/land/allocations/\(record.id)")
    }

    static let allocationRows = VersionedRows<LandAllocationRecord>(noun: "land allocation", find: LandQueries.allocation(id:on:))

    @Sendable func showAllocation(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.allocationRows.show(context, database: database)
    }

    @Sendable func deleteAllocation(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.allocationRows.delete(request, context: context, database: database) {
            try LandQueries.deleteAllocation(id: $0, version: $1, on: $2)
        }
    }
}

extension LandAllocationRecord: VersionedRecord {}
extension LandQuotaRecord: VersionedRecord {}
