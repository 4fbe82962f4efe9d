/// A field whose value the client must fix: its name, and a catalogue message saying what to send.
public struct FieldError: Sendable, Hashable, CustomStringConvertible {
    /// The field's name as the client sent it (`total_investment`, `weights.fai`, `quarter_shares[2]`).
    public var field: String
    /// What to send instead, by code, in words chosen when read.
    public var message: Message

    /// An error for `field`.
    public init(field: String, message: Message) {
        self.field = field
        self.message = message
    }

    /// An error for `field` with catalogue `code`, its text filled from `arguments`.
    public init(field: String, _ code: MessageCode, _ arguments: [String: String] = [:]) {
        self.init(field: field, message: Message(code, arguments))
    }

    /// The error's code.
    public var code: MessageCode { message.code }

    /// `field: message` in Chinese.
    public var description: String { "\(field): \(message.text())" }
}
