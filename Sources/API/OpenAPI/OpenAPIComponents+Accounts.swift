import Campaign

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
        "AgencyRecord": .record([
            "id": .id, "code": .text, "name": .text, "kind": .choice(AgencyKind.self), "division_code": divisionCode,
            "version": .integer,
        ]),
        "UserInput": .record([
            "username": .text, "display_name": .text, "password": .text, "agency_id": .id, "role": .choice(UserRole.self),
        ]),
        "UserPatch": patch(["display_name": .text, "role": .choice(UserRole.self), "active": .boolean, "password": .text]),
        "UserAccount": .record([
            "id": .id, "username": .text, "display_name": .text, "role": .choice(UserRole.self), "active": .boolean,
            "agency_id": .id, "agency": .ref("Agency"), "version": .integer,
        ]),
        // A user named by a report or a history entry; `display_name` is left out when unknown.
        "UserReference": .object(["id": .id, "display_name": .text], required: ["id"]),
    ]
}
