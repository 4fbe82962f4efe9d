/// The groups ranked separately: departments among departments, districts (with the management
/// committees) among districts.
public enum AssessmentGroup: String, Codable, Sendable, CaseIterable {
    /// County departments.
    case department
    /// Districts, cities, counties and management committees.
    case district

    /// The group an agency of `kind` is assessed in; nil for the county itself.
    public init?(_ kind: AgencyKind) {
        switch kind {
        case .department: self = .department
        case .district: self = .district
        case .county: return nil
        }
    }
}

/// An assessed agency as it appears in results: `{"id","code","name"}`.
public struct AgencyRef: Codable, Sendable, Hashable {
    /// The agency's id.
    public var id: Int64
    /// The agency's code; equal ranks are listed by it.
    public var code: String
    /// The agency's name.
    public var name: String

    /// An agency reference.
    public init(id: Int64, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}
