import Foundation
import Postgres

/// A row that belongs to one project and carries its fields and version.
public protocol ProjectChildRecord: Encodable, Sendable {
    associatedtype Fields: Sendable
    var id: Int64 { get }
    var projectID: Int64 { get }
    var version: Int { get }
    var fields: Fields { get }
    var updatedAt: Date { get }
}

/// The queries of a kind of project row (funding sources, approvals, problems), all under the
/// caller's row-level security.
public protocol ProjectChildQueries {
    associatedtype Record: ProjectChildRecord

    static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [Record], total: Int)
    static func find(id: Int64, on connection: Connection) throws -> Record?
    static func insert(projectID: Int64, _ fields: Record.Fields, on connection: Connection) throws -> Record
    static func update(id: Int64, version: Int, to fields: Record.Fields, on connection: Connection) throws -> Record?
    static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool
}

extension FundingRecord: ProjectChildRecord {}
extension ApprovalRecord: ProjectChildRecord {}
extension ProblemRecord: ProjectChildRecord {}
extension FundingQueries: ProjectChildQueries {}
extension ApprovalQueries: ProjectChildQueries {}
extension ProblemQueries: ProjectChildQueries {}
