import Campaign
import Foundation
import Hummingbird
import Store

/// `/assessments`: queue a run for the worker, read it with its results, publish it.
struct AssessmentController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.post, "assessments", .countyEditor, "Queue an assessment run of a year and period", create)
                .documented(request: .ref("AssessmentInput"), response: .ref("AssessmentQueued"), status: 202),
            APIRoute(.get, "assessments", .signedIn, "Assessment runs, newest first (the county: all; others: published ones)", list)
                .documented(response: .page(of: .ref("AssessmentRun")))
                .query(.year(required: false, "only runs of this year"), .period(required: false)),
            APIRoute(.get, "assessments/:id", .signedIn, "An assessment run with its results (drafts: county only)", show)
                .documented(response: .ref("Assessment")),
            APIRoute(.post, "assessments/:id/publish", .countyEditor, "Publish a done run", publish)
                .documented(response: .ref("Assessment")),
        ]
    }

    /// 202 `{"id","status":"queued"}`: the worker computes the run.
    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        guard AssessmentParameters.mayManage(context.caller) else { throw AssessmentParameters.forbidden("run assessments") }
        var body = try await RequestBody.read(request, context: context)
        var year: Int?
        if let number = body.rawNumber("year") {
            year = body.validator.year("\(number)", field: "year")
        } else if body.fields["year"] == nil {
            body.validator.add("year", .requiredYear, ["min": "\(Month.years.lowerBound)", "max": "\(Month.years.upperBound)"])
        }
        let periodText = body.rawString("period")
        let period = periodText == nil && body.fields["period"] != nil
            ? nil : body.validator.choice(periodText, field: "period") as Period?
        try body.finish()
        guard let year, let period else { throw Problem.invalid(body.validator.errors) }
        let run = try await database.transaction(as: context.caller) { connection in
            guard try AssessmentRunQueries.hasTargets(year: year, on: connection) else {
                throw Problem.invalid([FieldError(field: "year", .noTargets, ["year": "\(year)"])])
            }
            return try AssessmentRunQueries.queue(year: year, period: period, on: connection)
        }
        return try JSONResponse.make(
            Queued(id: run.id, status: run.status), status: .accepted, location: "/api/v1/assessments/\(run.id)")
    }

    /// The visible runs, newest first; row-level security shows others only published ones.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let year = query.year()
        let period = query.choice("period", as: Period.self)
        try query.check()
        let page = try await database.transaction(as: context.caller) {
            try AssessmentRunQueries.list(year: year, period: period, limit: paging.limit, offset: paging.offset, on: $0)
        }
        return try JSONResponse.make(ListPage(items: page.items.map(RunSummary.init), total: page.total, paging: paging))
    }

    /// The run and, once computed, its results as ranking groups; drafts are the county's.
    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let view = try await database.transaction(as: context.caller) { connection -> RunView in
            guard let run = try AssessmentRunQueries.find(id: id, on: connection) else { throw Problem.notFound("assessment \(id)") }
            let results = run.hasResults ? try AssessmentRunQueries.results(runID: run.id, period: run.period, on: connection) : nil
            return RunView(run: run, results: results)
        }
        return try JSONResponse.make(view)
    }

    /// Publishes a done run: 409 if it is not done (or already published).
    @Sendable func publish(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let caller = context.caller
        let view = try await database.transaction(as: caller) { connection -> RunView in
            guard let run = try AssessmentRunQueries.find(id: id, forUpdate: AssessmentParameters.mayManage(caller), on: connection) else {
                throw Problem.notFound("assessment \(id)")
            }
            guard AssessmentParameters.mayManage(caller) else { throw AssessmentParameters.forbidden("publish assessments") }
            switch run.status {
            case .done: break
            case .published: throw Problem(.conflict, .assessmentPublished)
            default:
                throw Problem(.conflict, .assessmentNotDone)
            }
            guard let published = try AssessmentRunQueries.publish(id: id, on: connection) else {
                throw AssessmentParameters.forbidden("publish assessments")
            }
            return RunView(run: published, results: try AssessmentRunQueries.results(runID: id, period: run.period, on: connection))
        }
        return try JSONResponse.make(view)
    }

    /// A run in a list: `{"id","year","period","status","created_at","finished_at","published_at"}`.
    struct RunSummary: JSONRecord, Sendable {
        var run: AssessmentRunRecord

        static let members: [JSONMember<Self>] = [
            .id("id") { $0.run.id },
            .year("year") { $0.run.year },
            .choice("period") { $0.run.period },
            .choice("status") { $0.run.status },
            .timestamp("created_at") { $0.run.createdAt },
            .timestamp("finished_at") { $0.run.finishedAt },
            .timestamp("published_at") { $0.run.publishedAt },
        ]
    }

    struct Queued: Encodable {
        var id: Int64
        var status: AssessmentRunRecord.Status
    }

    /// `{"id","year","period","status","created_at","started_at","finished_at","published_at","error","results"}`.
    struct RunView: Encodable {
        var run: AssessmentRunRecord
        var results: RankingGroups?

        enum CodingKeys: String, CodingKey {
            case id, year, period, status, error, results
            case createdAt = "created_at"
            case startedAt = "started_at"
            case finishedAt = "finished_at"
            case publishedAt = "published_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(run.id, forKey: .id)
            try container.encode(run.year, forKey: .year)
            try container.encode(run.period, forKey: .period)
            try container.encode(run.status, forKey: .status)
            try container.encode(run.createdAt, forKey: .createdAt)
            try container.encode(run.startedAt, forKey: .startedAt)
            try container.encode(run.finishedAt, forKey: .finishedAt)
            try container.encode(run.publishedAt, forKey: .publishedAt)
            try container.encode(run.error, forKey: .error)
            try container.encode(results, forKey: .results)
        }
    }
}
