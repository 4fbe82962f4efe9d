/// One invalid field of a request: the `errors` entries of a 422 problem response.
public struct FieldError: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The field's name as the client sent it (`total_investment`, `weights.fai`, `quarter_shares[2]`).
    public var field: String
    /// What to send instead.
    public var message: String
    /// A stable snake_case code programs read (`explanation_required`); nil where none is set yet.
    public var code: String?

    /// An error for `field`.
    public init(field: String, message: String, code: String? = nil) {
        self.field = field
        self.message = message
        self.code = code
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
