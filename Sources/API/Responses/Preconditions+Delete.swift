import Hummingbird

extension Preconditions {
    /// Why a `DELETE … WHERE version = expected` deleted no row: as for an update.
    public static func notDeleted(current: Int?, expected: Int, what: String) -> Problem {
        guard let current else { return Problem.notFound(what) }
        if current != expected { return stale(current: current) }
        return Problem(.forbidden, .forbiddenDelete, ["what": String(what.split(separator: " ").first ?? "row")])
    }
}
