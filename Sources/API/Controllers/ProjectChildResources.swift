import Postgres
import Store

/// A project's funding sources (资金来源), written by the project's district and the county.
enum FundingResource: ProjectChildResource {
    static let collection = "funding"
    static let noun = "funding source"
    static let schema = "Funding"
    static let summaries = (
        list: "The project's funding sources", create: "Add a funding source to the project",
        show: "One funding source", update: "Change a funding source (If-Match)", delete: "Remove a funding source (If-Match)"
    )
    static func id(of record: FundingRecord) -> Int64 { record.id }
    static func version(of record: FundingRecord) -> Int { record.version }
    static func fields(of record: FundingRecord) -> FundingFields { record.fields }
    static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [FundingRecord], total: Int) {
        try FundingQueries.list(projectID: projectID, limit: limit, offset: offset, on: connection)
    }
    static func find(id: Int64, on connection: Connection) throws -> FundingRecord? { try FundingQueries.find(id: id, on: connection) }
    static func insert(projectID: Int64, _ fields: FundingFields, on connection: Connection) throws -> FundingRecord {
        try FundingQueries.insert(projectID: projectID, fields, on: connection)
    }
    static func update(id: Int64, version: Int, to fields: FundingFields, on connection: Connection) throws -> FundingRecord? {
        try FundingQueries.update(id: id, version: version, to: fields, on: connection)
    }
    static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try FundingQueries.delete(id: id, version: version, on: connection)
    }
    static func create(_ body: inout RequestBody) throws -> FundingFields { try FundingBody.create(&body) }
    static func patch(_ body: inout RequestBody, onto current: FundingFields) throws -> FundingFields {
        try FundingBody.patch(&body, onto: current)
    }
}

/// A project's approval procedures (审批手续), written by the handling department and the county;
/// responses carry the processing days.
enum ApprovalResource: ProjectChildResource {
    static let collection = "approvals"
    static let noun = "approval"
    static let schema = "Approval"
    static let summaries = (
        list: "The project's approvals with processing days", create: "Record an approval procedure of the project",
        show: "One approval with its processing days", update: "Change an approval (If-Match)", delete: "Remove an approval (If-Match)"
    )
    static func id(of record: ApprovalRecord) -> Int64 { record.id }
    static func version(of record: ApprovalRecord) -> Int { record.version }
    static func fields(of record: ApprovalRecord) -> ApprovalFields { record.fields }
    static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ApprovalRecord], total: Int) {
        try ApprovalQueries.list(projectID: projectID, limit: limit, offset: offset, on: connection)
    }
    static func find(id: Int64, on connection: Connection) throws -> ApprovalRecord? { try ApprovalQueries.find(id: id, on: connection) }
    static func insert(projectID: Int64, _ fields: ApprovalFields, on connection: Connection) throws -> ApprovalRecord {
        try ApprovalQueries.insert(projectID: projectID, fields, on: connection)
    }
    static func update(id: Int64, version: Int, to fields: ApprovalFields, on connection: Connection) throws -> ApprovalRecord? {
        try ApprovalQueries.update(id: id, version: version, to: fields, on: connection)
    }
    static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try ApprovalQueries.delete(id: id, version: version, on: connection)
    }
    static func create(_ body: inout RequestBody) throws -> ApprovalFields { try ApprovalBody.create(&body) }
    static func patch(_ body: inout RequestBody, onto current: ApprovalFields) throws -> ApprovalFields {
        try ApprovalBody.patch(&body, onto: current)
    }
}

/// Difficulties a project meets (困难和问题): raised by the project's district, worked by the
/// assigned department, and by the county.
enum ProblemResource: ProjectChildResource {
    static let collection = "problems"
    static let noun = "problem"
    static let schema = "ProjectProblem"
    static let summaries = (
        list: "The project's problems", create: "Report a problem of the project",
        show: "One problem", update: "Change a problem (If-Match)", delete: "Remove a problem (If-Match)"
    )
    static func id(of record: ProblemRecord) -> Int64 { record.id }
    static func version(of record: ProblemRecord) -> Int { record.version }
    static func fields(of record: ProblemRecord) -> ProblemFields { record.fields }
    static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ProblemRecord], total: Int) {
        try ProblemQueries.list(projectID: projectID, limit: limit, offset: offset, on: connection)
    }
    static func find(id: Int64, on connection: Connection) throws -> ProblemRecord? { try ProblemQueries.find(id: id, on: connection) }
    static func insert(projectID: Int64, _ fields: ProblemFields, on connection: Connection) throws -> ProblemRecord {
        try ProblemQueries.insert(projectID: projectID, fields, on: connection)
    }
    static func update(id: Int64, version: Int, to fields: ProblemFields, on connection: Connection) throws -> ProblemRecord? {
        try ProblemQueries.update(id: id, version: version, to: fields, on: connection)
    }
    static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try ProblemQueries.delete(id: id, version: version, on: connection)
    }
    static func create(_ body: inout RequestBody) throws -> ProblemFields { try ProjectProblemBody.create(&body) }
    static func patch(_ body: inout RequestBody, onto current: ProblemFields) throws -> ProblemFields {
        try ProjectProblemBody.patch(&body, onto: current)
    }
}
