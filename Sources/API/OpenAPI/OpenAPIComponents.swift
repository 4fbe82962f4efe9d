import Campaign

/// The named schemas of the OpenAPI document.
enum OpenAPIComponents {
    static let schemas: [String: Schema] = [
        "Problem": .object([
            "type": .text, "title": .text, "status": .integer, "detail": .text, "current_version": .integer,
            "errors": .array(.record(["field": .text, "message": .text])),
        ], required: ["type", "title", "status", "detail"]),
        "Agency": .record(["id": .integer, "code": .text, "name": .text, "kind": .choice(AgencyKind.self)]),
        "User": .record([
            "id": .integer, "username": .text, "display_name": .text, "role": .choice(UserRole.self), "agency": .ref("Agency"),
        ]),
        "SignIn": .record(["username": .text, "password": .text]),
        "Session": .record(["token": .text, "expires_at": .timestamp, "user": .ref("User")]),
        "ProjectInput": .object(projectFields, required: ["code", "name", "category", "district_id"]),
        "Project": .object(projectFields.merging([
            "id": .integer, "version": .integer, "updated_at": .timestamp,
            "year_to_date_investment": .number, "year_to_date_share": .nullable(.number),
        ]) { $1 }, required: ["id", "version", "code", "name", "category", "stage", "district_id", "lead_department_id"]),
    ]

    static let projectFields: [String: Schema] = [
        "code": .text, "name": .text, "owner": .text, "category": .choice(ProjectCategory.self),
        "industry": .nullable(.text), "stage": .choice(Stage.self), "major": .boolean, "district_id": .integer,
        "lead_department_id": .nullable(.integer), "park_id": .nullable(.integer), "total_investment": .number,
        "planned_start": .nullable(.date), "planned_completion": .nullable(.date), "actual_start": .nullable(.date),
        "actual_completion": .nullable(.date), "land_area": .nullable(.number), "eia_class": .nullable(.text),
        "green_channel": .boolean, "central_soe": .boolean,
    ]
}
