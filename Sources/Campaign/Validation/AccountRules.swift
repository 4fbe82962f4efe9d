/// What makes an agency code, a username and a password acceptable; shared by the API and the CLI
/// so both say the same thing. Each check returns what to send instead, or nil when acceptable.
public enum AccountRules {
    /// Passwords: at least this many characters.
    public static let passwordMinimum = 8
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated.
    public static let passwordMaximumBytes = 72

    public static func passwordProblem(_ password: String) -> String? {
        if password.count < passwordMinimum { return "must be at least \(passwordMinimum) characters" }
        if password.utf8.count > passwordMaximumBytes { return "must be at most \(passwordMaximumBytes) bytes in UTF-8" }
        return nil
    }

    public static func usernameProblem(_ username: String) -> String? {
        isMade(of: "._@-", username, maximum: 64) ? nil
            : "must be 1 to 64 characters of letters A-Z, a-z, digits and . _ @ -"
    }

    public static func agencyCodeProblem(_ code: String) -> String? {
        isMade(of: "._-", code, maximum: 32) ? nil : "must be 1 to 32 characters of letters A-Z, a-z, digits and . _ -"
    }

    static func isMade(of punctuation: String, _ text: String, maximum: Int) -> Bool {
        (1...maximum).contains(text.utf8.count) && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || punctuation.unicodeScalars.contains(scalar))
        }
    }
}
