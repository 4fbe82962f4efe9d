import Store

/// A project's funding sources (资金来源), written by the project's district and the county.
enum FundingResource: ProjectChildResource {
    typealias Queries = FundingQueries
    typealias Body = FundingBody
    static let collection = "funding"
    static let noun = "funding source"
    static let schema = "Funding"
    static let summaries = (
        list: "The project's funding sources", create: "Add a funding source to the project",
        show: "One funding source", update: "Change a funding source (If-Match)", delete: "Remove a funding source (If-Match)"
    )
}

/// A project's approval procedures (审批手续), written by the handling department and the county;
/// responses carry the processing days.
enum ApprovalResource: ProjectChildResource {
    typealias Queries = ApprovalQueries
    typealias Body = ApprovalBody
    static let collection = "approvals"
    static let noun = "approval"
    static let schema = "Approval"
    static let summaries = (
        list: "The project's approvals with processing days", create: "Record an approval procedure of the project",
        show: "One approval with its processing days", update: "Change an approval (If-Match)", delete: "Remove an approval (If-Match)"
    )
}

/// Difficulties a project meets (困难和问题): raised by the project's district, worked by the
/// assigned department, and by the county.
enum ProblemResource: ProjectChildResource {
    typealias Queries = ProblemQueries
    typealias Body = ProjectProblemBody
    static let collection = "problems"
    static let noun = "problem"
    static let schema = "ProjectProblem"
    static let summaries = (
        list: "The project's problems", create: "Report a problem of the project",
        show: "One problem", update: "Change a problem (If-Match)", delete: "Remove a problem (If-Match)"
    )
}

extension FundingBody: ProjectChildBody {}
extension ApprovalBody: ProjectChildBody {}
extension ProjectProblemBody: ProjectChildBody {}

extension FundingRecord: VersionedRecord {}
extension ApprovalRecord: VersionedRecord {}
extension ProblemRecord: VersionedRecord {}
