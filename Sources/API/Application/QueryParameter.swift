import Campaign

/// A query-string parameter an operation reads, declared next to its route so the OpenAPI
/// document names every one (paging is added to every list page by the document itself).
public struct QueryParameter: Sendable {
    public let name: String
    public let schema: Schema
    public let required: Bool
    public let description: String

    public init(_ name: String, _ schema: Schema, required: Bool = false, _ description: String) {
        self.name = name
        self.schema = schema
        self.required = required
        self.description = description
    }

    /// An id filter.
    static func id(_ name: String, _ description: String) -> QueryParameter { .init(name, .id, description) }

    /// A campaign year, 2000 to 2100.
    static func year(required: Bool, _ description: String = "the campaign year") -> QueryParameter {
        .init("year", .year, required: required, description)
    }

    /// An assessment period: `Q1`…`Q4` or `year`.
    static func period(required: Bool) -> QueryParameter {
        .init("period", .choice(Period.self), required: required, "Q1, Q2, Q3, Q4 or year")
    }

    /// `limit` (1–500, default 50) and `offset` (0 or more): every list page takes them.
    static let paging: [QueryParameter] = [
        .init("limit", .boundedInteger(minimum: 1, maximum: 500), "at most this many items (default 50)"),
        .init("offset", .boundedInteger(minimum: 0, maximum: Int(Int32.max)), "skip this many items (default 0)"),
    ]
}

extension QueryParameter {
    /// The filters of `GET /projects` (`ProjectController.filter`), for every list of projects.
    static let projectFilters: [QueryParameter] = [
        .id("district_id", "only projects in this district"),
        .id("lead_department_id", "only projects this department leads"),
        .init("category", .choice(ProjectCategory.self), "only projects of this category"),
        .init("stage", .choice(Stage.self), "only projects at this stage"),
        .init("major", .boolean, "true: only major projects; false: only the others"),
        .id("park_id", "only projects in this park"),
        .init("q", .limitedText(maxLength: 100), "name, code or national code contains this text"),
    ]
}
