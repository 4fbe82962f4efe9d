/// A resource that PostgreSQL writes as JSON (`json_build_object`, keys in the contract's order),
/// with its version for `ETag`: the coordination loop's records, whose nested agendas, people and
/// figures are read in one statement.
public struct StoredJSON: Sendable, Equatable {
    /// The JSON text of the resource.
    public var text: String
    /// The resource's `version` (nil for a list page).
    public var version: Int?

    public init(text: String, version: Int?) {
        self.text = text
        self.version = version
    }
}
