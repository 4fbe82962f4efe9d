import Campaign
import Foundation
import Hummingbird
import Postgres
import Store

/// `/projects/{id}/service` and `/service/mine`: service responsibility (包保). County editors name
/// a major project's responsible county leader and service commissioner; leaders and commissioners
/// list the projects they answer for.
struct ServiceController: APIController {
    let database: Database
    /// A project is behind plan below this ratio to date (`plans.behind_ratio`).
    let behindBelow: Decimal
    let clock: CampaignClock

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects/:id/service", .signedIn, "The project's responsible county leader and service commissioner (包保)", show)
                .documented(response: .ref("Service")),
            APIRoute(.put, "projects/:id/service", .countyEditor, "Set (201) or replace (200, If-Match) the project's leader and commissioner", put)
                .documented(request: .ref("ServiceInput"), response: .ref("Service"), also: [201]),
            APIRoute(.get, "service/mine", .signedIn, "The projects the caller leads or serves, with open problems and plan ratio", mine)
                .documented(response: .page(of: .ref("ServedProject"))).downloadable(),
        ]
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        guard let service = try await database.transaction(as: context.caller, { try ServiceQueries.find(projectID: id, on: $0) }) else {
            throw Problem.notFound("project \(id)")
        }
        return JSONResponse.stored(service)
    }

    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let leader = body.id("leader_user_id", required: true, nullable: true)
        let commissioner = body.id("commissioner_user_id", required: true, nullable: true)
        try body.finish()
        let what = "项目 \(id) 的包保责任"
        let (service, created) = try await database.transaction(as: context.caller) { connection -> (StoredJSON, Bool) in
            guard let project = try ProjectQueries.find(id: id, on: connection) else { throw Problem.notFound("project \(id)") }
            try Self.check(leader: leader, commissioner: commissioner, major: project.fields.major, on: connection)
            func current() throws -> StoredJSON? {
                try ServiceQueries.find(projectID: id, on: connection).flatMap { $0.version == nil ? nil : $0 }
            }
            return try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: what, version: { $0.version ?? 0 }, current: current,
                insert: { try ServiceQueries.insert(projectID: id, leader: leader, commissioner: commissioner, on: connection) ? current() : nil },
                update: {
                    try ServiceQueries.replace(projectID: id, version: $0, leader: leader, commissioner: commissioner, on: connection)
                        ? current() : nil
                })
        }
        return JSONResponse.stored(service, status: created ? .created : .ok, location: created ? "/api/v1/projects/\(id)/service" : nil)
    }

    /// 422 unless the leader is a county user, the commissioner a department user, the project major.
    static func check(leader: Int64?, commissioner: Int64?, major: Bool, on connection: Connection) throws {
        let kinds = try ServiceQueries.agencyKinds(of: [leader, commissioner].compactMap { $0 }, on: connection)
        var errors: [FieldError] = []
        if let leader, kinds[leader] != .county {
            errors.append(FieldError(field: "leader_user_id", .leaderNotCounty))
        }
        if let commissioner, kinds[commissioner] != .department {
            errors.append(FieldError(field: "commissioner_user_id", .commissionerNotDepartment))
        }
        if !major {
            errors.append(FieldError(field: "project_id", .serviceMajorOnly))
        }
        if !errors.isEmpty { throw Problem.invalid(errors) }
    }

    @Sendable func mine(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(
                .servedProjects(userID: context.caller.userID), format: format, database: database, context: context)
        }
        let today = clock.today
        let through = Month.lastComplete(before: today, inYear: today.year)?.month ?? 0
        let (behindBelow, userID) = (behindBelow, context.caller.userID)
        let page = try await database.transaction(as: context.caller) {
            try ServiceQueries.mine(
                userID: userID, today: today, through: through, behindBelow: behindBelow,
                limit: paging.limit, offset: paging.offset, on: $0)
        }
        return JSONResponse.stored(page)
    }
}
