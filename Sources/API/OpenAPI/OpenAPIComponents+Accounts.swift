import Campaign
import Store

extension OpenAPIComponents {
    /// A 6-digit administrative division code (行政区划代码), or null.
    static let divisionCode = Schema.nullable(.pattern("^[0-9]{6}$"))

    /// Agencies and user accounts as the admin routes show them.
    static let accountSchemas: [String: Schema] = [
        "AgencyInput": .object(
            ["code": .text, "name": .text, "kind": .choice(AgencyKind.self), "division_code": divisionCode],
            required: ["code", "name", "kind"]
        ),
        // The kind never changes.
        "AgencyPatch": patch(["code": .text, "name": .text, "division_code": divisionCode]),
        "AgencyRecord": AgencyRecord.schema,
        "UserInput": .record([
            "username": .text, "display_name": .text, "password": .text, "agency_id": .id, "role": .choice(UserRole.self),
        ]),
        "UserPatch": patch(["display_name": .text, "role": .choice(UserRole.self), "active": .boolean, "password": .text]),
        "UserAccount": UserRecord.schema,
        "UserReference": UserReference.schema,
    ]
}
