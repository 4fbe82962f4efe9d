import Foundation

/// One change of a project or of a row under it, as `app.history` recorded it.
public struct HistoryEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    /// Nil for changes made without a signed-in user (the CLI, migrations).
    public var user: UserReference?
    /// `insert`, `update` or `delete`.
    public var action: String
    /// The table changed: `projects`, `monthly_reports`, `funding_sources`, `approvals`, `problems`…
    public var table: String
    public var rowID: Int64?
    /// `{column: {"old": …, "new": …}}` as JSON text.
    public var changesJSON: String
}
