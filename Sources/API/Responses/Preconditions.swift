import Foundation
import Hummingbird

/// `If-Match: "<version>"` handling for PATCH and PUT of existing resources.
public enum Preconditions {
    /// The version the client last saw: 428 when `If-Match` is missing, 400 when malformed.
    public static func requiredVersion(_ request: Request) throws -> Int {
        guard let header = request.headers[.ifMatch] else {
            throw Problem(.preconditionRequired, detail: "send If-Match: \"<version>\" with the version you last read (its ETag)")
        }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(trimmed), version > 0 else {
            throw Problem(.badRequest, detail: "If-Match must be an ETag such as \"3\"")
        }
        return version
    }

    /// 412 with the current version when the client's version is stale.
    public static func stale(current: Int) -> Problem {
        Problem(.preconditionFailed, detail: "the resource changed since you read it (now version \(current)); read it again and retry",
                extensions: ["current_version": current])
    }

    /// Why an `UPDATE … WHERE version = expected` changed no row: the row moved on (412), it is
    /// gone from view (404), or the caller may see it but not write it (403).
    public static func unchanged(current: Int?, expected: Int, what: String) -> Problem {
        guard let current else { return Problem.notFound(what) }
        if current != expected { return stale(current: current) }
        return Problem(.forbidden, detail: "your agency or role may not change this \(what.split(separator: " ").first ?? "row")")
    }

    /// The numeric path parameter `name`, or 400 naming it.
    public static func pathID(_ name: String, in context: some RequestContext) throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            throw Problem(.badRequest, detail: "\(name) in the path must be a positive integer id")
        }
        return id
    }
}
