/// What makes an agency code, a username and a password acceptable; shared by the API and the CLI
/// so both say the same thing. Each check returns a message saying what to send instead, or nil when acceptable.
public enum AccountRules {
    /// Passwords: at least this many characters.
    public static let passwordMinimum = 8
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated.
    public static let passwordMaximumBytes = 72

    public static func passwordProblem(_ password: String) -> Message? {
        if password.count < passwordMinimum { return Message(.passwordTooShort, ["min": "\(passwordMinimum)"]) }
        if password.utf8.count > passwordMaximumBytes {
            return Message(.passwordTooLong, ["max": "\(passwordMaximumBytes)", "max_chinese": "\(passwordMaximumBytes / 3)"])
        }
        return nil
    }

    public static func usernameProblem(_ username: String) -> Message? {
        isMade(of: "._@-", username, maximum: 64) ? nil : Message(.usernameFormat)
    }

    public static func agencyCodeProblem(_ code: String) -> Message? {
        isMade(of: "._-", code, maximum: 32) ? nil : Message(.agencyCodeFormat)
    }

    static func isMade(of punctuation: String, _ text: String, maximum: Int) -> Bool {
        (1...maximum).contains(text.utf8.count) && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || punctuation.unicodeScalars.contains(scalar))
        }
    }
}
