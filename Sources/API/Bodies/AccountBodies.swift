import Campaign
import Store

/// Reads agency bodies: `{"code","name","kind"}`; a PATCH may change code and name.
enum AgencyBody {
    /// The fields of a new agency.
    struct New {
        var code: String
        var name: String
        var kind: AgencyKind
        var divisionCode: String?
    }

    static func create(_ body: inout RequestBody) throws -> New {
        let code = readCode(&body)
        let name = body.string("name", maxLength: 200)
        let kind: AgencyKind? = body.choice("kind")
        let divisionCode = body.present("division_code") ? readDivisionCode(&body) : nil
        try body.finish()
        guard let code, let name, let kind else { throw Problem.invalid(body.validator.errors) }
        return New(code: code, name: name, kind: kind, divisionCode: divisionCode)
    }

    static func patch(_ body: inout RequestBody, onto current: AgencyRecord) throws -> (code: String, name: String, divisionCode: String?) {
        var result = (code: current.summary.code, name: current.summary.name, divisionCode: current.divisionCode)
        if body.present("code"), let value = readCode(&body) { result.code = value }
        if body.present("name"), let value = body.string("name", maxLength: 200) { result.name = value }
        if body.present("division_code") { result.divisionCode = readDivisionCode(&body) }
        if body.present("kind") { body.validator.add("kind", .agencyKindFixed) }
        try body.finish()
        return result
    }

    /// The 6-digit administrative division code, or null to clear it.
    private static func readDivisionCode(_ body: inout RequestBody) -> String? {
        guard let code = body.string("division_code", maxLength: 6, required: false, nullable: true) else { return nil }
        if let problem = CodeRules.divisionCodeProblem(code) { body.validator.add("division_code", problem); return nil }
        return code
    }

    private static func readCode(_ body: inout RequestBody) -> String? {
        guard let code = body.string("code", maxLength: 32) else { return nil }
        if let problem = AccountRules.agencyCodeProblem(code) { body.validator.add("code", problem); return nil }
        return code
    }
}

/// Reads user bodies. Passwords are returned in clear only to be hashed, never stored or logged.
enum UserBody {
    struct New {
        var username: String
        var displayName: String
        var password: String
        var agencyID: Int64
        var role: UserRole
    }

    struct Changes {
        var displayName: String?
        var role: UserRole?
        var active: Bool?
        var password: String?
    }

    static func create(_ body: inout RequestBody) throws -> New {
        var username = body.string("username", maxLength: 64)
        if let name = username, let problem = AccountRules.usernameProblem(name) {
            body.validator.add("username", problem)
            username = nil
        }
        let displayName = body.string("display_name", maxLength: 200)
        let password = password(&body, required: true)
        let agencyID = body.id("agency_id")
        let role: UserRole? = body.choice("role")
        try body.finish()
        guard let username, let displayName, let password, let agencyID, let role else { throw Problem.invalid(body.validator.errors) }
        return New(username: username, displayName: displayName, password: password, agencyID: agencyID, role: role)
    }

    static func patch(_ body: inout RequestBody) throws -> Changes {
        var changes = Changes()
        if body.present("display_name") { changes.displayName = body.string("display_name", maxLength: 200) }
        if body.present("role") { changes.role = body.choice("role") }
        if body.present("active") { changes.active = body.bool("active") }
        changes.password = password(&body, required: false)
        for field in ["username", "agency_id"] where body.present(field) {
            body.validator.add(field, .cannotChange)
        }
        try body.finish()
        return changes
    }

    private static func password(_ body: inout RequestBody, required: Bool) -> String? {
        let present = body.present("password")
        guard let password = body.rawString("password") else {
            if required, !present { body.validator.add("password", .requiredPassword, ["min": "\(AccountRules.passwordMinimum)"]) }
            return nil
        }
        if let problem = AccountRules.passwordProblem(password) { body.validator.add("password", problem); return nil }
        return password
    }
}
