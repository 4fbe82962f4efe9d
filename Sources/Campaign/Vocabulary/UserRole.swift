/// A user's role inside their agency.
public enum UserRole: String, Codable, Sendable, CaseIterable {
    /// Manages the agency's users and may enter data.
    case admin
    /// Enters and maintains data.
    case editor
    /// Reads only.
    case viewer
}
