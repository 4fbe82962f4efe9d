import Foundation
import Campaign
import Hummingbird

/// `If-Match: "<version>"` handling for PATCH and PUT of existing resources.
public enum Preconditions {
    /// The version the client last saw: 428 when `If-Match` is missing.
    ///
    /// If-Match compares strongly (RFC 9110 §13.1.1): only one strong tag `"3"` can match. A weak
    /// tag (`W/"3"`), a list, `*` or anything malformed matches no version, so it reads as
    /// `neverMatches` and the request is answered 412 with the current version like a stale one.
    public static func requiredVersion(_ request: Request) throws -> Int {
        guard let header = request.headers[.ifMatch] else {
            throw Problem(.preconditionRequired, .ifMatchRequired)
        }
        let tag = header.trimmingSpaces()
        let digits = tag.dropFirst().dropLast()
        guard tag.count > 2, tag.count <= 11, tag.first == "\"", tag.last == "\"", let version = Int(digits),
              version > 0, String(version) == digits else {
            return neverMatches
        }
        return version
    }

    /// The version an If-Match that is not one strong tag stands for: none (versions start at 1).
    public static let neverMatches = 0

    /// 412 with the current version when the client's version is stale.
    public static func stale(current: Int) -> Problem {
        Problem(.preconditionFailed, .versionMismatch, ["current": "\(current)"],
                extensions: ["current_version": current])
    }

    /// 428 for a PUT without `If-Match` on a resource that exists (perhaps just created by a
    /// concurrent request), with its current version; 409 if it is gone again or out of view.
    public static func required(current: Int?, what: String) -> Problem {
        guard let current else {
            return Problem(.conflict, .concurrentChange)
        }
        return Problem(.preconditionRequired, .ifMatchToReplace, ["what": what, "current": "\(current)"],
                       extensions: ["current_version": current])
    }

    /// Why an `UPDATE … WHERE version = expected` changed no row: the row moved on (412), it is
    /// gone from view (404), or the caller may see it but not write it (403).
    public static func unchanged(current: Int?, expected: Int, what: String) -> Problem {
        guard let current else { return Problem.notFound(what) }
        if current != expected { return stale(current: current) }
        return Problem(.forbidden, .forbiddenChange, ["what": String(what.split(separator: " ").first ?? "row")])
    }
}
