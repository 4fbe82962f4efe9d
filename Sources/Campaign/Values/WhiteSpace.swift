/// Trimming white space without Foundation: `trimmingCharacters(in:)` goes through `NSString` and
/// builds two intermediate strings, on every request's headers and on every text field of a body.
extension StringProtocol {
    /// The text without white space at either end: Unicode's `White_Space` property and the
    /// zero-width space, which is what Foundation's `.whitespacesAndNewlines` holds; scalar by
    /// scalar, as Foundation trims (`WhiteSpaceTests` compares every scalar of the BMP).
    public func trimmingWhiteSpace() -> String {
        trimming(Self.isWhiteSpace)
    }

    /// The text without spaces and tabs at either end (Foundation's `.whitespaces`: white space
    /// that does not break lines), for header values and their parameters.
    public func trimmingSpaces() -> String {
        trimming { Self.isWhiteSpace($0) && !Self.breaksLines($0) }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[first...last])
        return String(text)
    }

    fileprivate static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B
    }

    private static func breaksLines(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

extension String {
    /// `StringProtocol.trimmingWhiteSpace()`, returning the text itself, uncopied, when neither
    /// end is white space (most text fields of most bodies).
    public func trimmingWhiteSpace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              Self.isWhiteSpace(first) || Self.isWhiteSpace(last) else { return self }
        return self[...].trimmingWhiteSpace()
    }
}
