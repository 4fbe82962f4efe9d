/// A message for a person: its catalogue code and the values that fill the text's `{name}`
/// placeholders. The words are chosen when the message is read, in the reader's language.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// What happened, for programs.
    public var code: MessageCode
    /// The values of the text's placeholders, already formatted for people (see `Wording`).
    public var arguments: [String: String]

    /// The message `code`, its placeholders filled from `arguments`.
    public init(_ code: MessageCode, _ arguments: [String: String] = [:]) {
        self.code = code
        self.arguments = arguments
    }

    /// The text in `language`.
    public func text(_ language: Language = .zh) -> String {
        Wording.fill(code.text(language), arguments)
    }

    /// The Chinese text.
    public var description: String { text() }
}
