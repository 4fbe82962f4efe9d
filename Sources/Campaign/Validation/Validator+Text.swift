extension String {
    /// Whether the text holds U+0000, which PostgreSQL `text` cannot store (it would be cut there).
    public var containsNUL: Bool { utf8.contains(0) }
}

extension Validator {
    /// Records an error for `field` when `text` holds NUL; returns whether it is free of NUL.
    /// Every string read from a client goes through this (JSON bodies, query and path
    /// parameters, and uploaded sheets).
    @discardableResult
    public mutating func rejectNUL(_ text: String, field: String) -> Bool {
        require(!text.containsNUL, field, .containsNUL)
    }
}
