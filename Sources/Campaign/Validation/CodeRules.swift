/// The formats of the codes that come from outside the campaign: the national project code of the
/// national investment project online approval platform (项目代码) and the administrative division
/// code (行政区划代码). The database checks the same formats (migration 0030).
public enum CodeRules {
    /// Why `code` is not a national project code, or nil when it is one.
    public static func nationalCodeProblem(_ code: String) -> Message? {
        let groups = code.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = groups.map(\.utf8.count)
        guard lengths == [4, 6, 2, 2, 6], groups.allSatisfy(isDigits) else {
            return Message(.nationalCodeFormat, ["value": String(code.prefix(40))])
        }
        return nil
    }

    /// Why `code` is not a 6-digit administrative division code, or nil when it is one.
    public static func divisionCodeProblem(_ code: String) -> Message? {
        code.utf8.count == 6 && isDigits(Substring(code)) ? nil : Message(.divisionCodeFormat, ["value": String(code.prefix(40))])
    }

    /// Whether a national project code is required in `stage`: from `new_start` on (DOMAIN.md).
    public static func requiresNationalCode(_ stage: Stage) -> Bool {
        stage.requiresActualStart
    }

    private static func isDigits(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
