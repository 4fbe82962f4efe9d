/// A value that JSON carries as its text (`description`) and reads back with `init?(_:)`:
/// `CalendarDate` (`YYYY-MM-DD`) and `Month` (`YYYY-MM`).
public protocol TextCodable: Codable, CustomStringConvertible {
    /// The value the text names, or nil when it names none.
    init?(_ text: String)
    /// What the text must look like, for the decoding error (`a month as YYYY-MM (2000-2100)`).
    static var expectedText: String { get }
}

extension TextCodable {
    /// Decodes the string; anything else is a data-corrupted error naming `expectedText`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Self.expectedText), got \(text)")
        }
        self = value
    }

    /// Encodes as the string `description`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
