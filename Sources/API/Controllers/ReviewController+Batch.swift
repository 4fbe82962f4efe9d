import Campaign
import Hummingbird
import Postgres
import Store

/// `POST /reviews/batch`: a reviewer approves (or returns) several reports at once. Each item is
/// decided on its own, in its own transaction, exactly as `POST …/review` with If-Match would
/// decide it; one item's refusal never undoes another's decision.
extension ReviewController {
    @Sendable func batch(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let batch = try BatchReviewBody.read(&body)
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        var results: [BatchReviewResult] = []
        for item in batch.items {
            do {
                let record = try await decide(item, decision: batch.decision, comment: batch.comment, caller: context.caller)
                results.append(BatchReviewResult(item: item, outcome: .decided(record.review.status, version: record.version)))
            } catch let problem as Problem {
                results.append(BatchReviewResult(item: item, outcome: .refused(problem.body(language))))
            } catch let error as PostgresError {
                results.append(BatchReviewResult(item: item, outcome: .refused(DatabaseErrorMapping.problem(for: error).body(language))))
            }
        }
        return try JSONResponse.make(BatchReviewResults(results: results))
    }
}

/// The answer of a batch review: one result per item, in the order sent.
struct BatchReviewResults: Encodable {
    var results: [BatchReviewResult]
}

/// One item's outcome: `{"project_id","month","status","version"}` when decided, or
/// `{"project_id","month","problem":{…}}` with the problem the single review would answer.
struct BatchReviewResult: Encodable {
    enum Outcome {
        case decided(ReportStatus, version: Int)
        case refused(ProblemBody)
    }

    var item: BatchReviewBody.Item
    var outcome: Outcome

    enum Keys: String, CodingKey { case projectID = "project_id", month, status, version, problem }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(item.projectID, forKey: .projectID)
        try container.encode(item.month, forKey: .month)
        switch outcome {
        case .decided(let status, let version):
            try container.encode(status.rawValue, forKey: .status)
            try container.encode(version, forKey: .version)
        case .refused(let problem):
            try container.encode(problem, forKey: .problem)
        }
    }
}
