import Campaign

/// The named schemas of the OpenAPI document: the shared ones here, each resource family's in an
/// `OpenAPIComponents+<Family>.swift` extension, merged into `schemas`.
enum OpenAPIComponents {
    static let schemas: [String: Schema] = [
        core, accountSchemas, projectRowSchemas, parkSchemas, landSchemas, attractionSchemas, planningSchemas, assessmentSchemas,
        evidenceSchemas,
        dailyWorkSchemas, coordinationSchemas,
    ]
        .reduce(into: [:]) { all, family in
            all.merge(family) { _, _ in preconditionFailure("a component schema is named twice") }
        }

    static let core: [String: Schema] = [
        // `code` is for programs (every value of the catalogue, `MessageCode`); `title`, `detail`
        // and `message` are for people, in Chinese unless Accept-Language prefers English.
        "Problem": .object([
            "type": .text, "title": .text, "status": .integer, "code": .choice(MessageCode.self), "detail": .text,
            "current_version": .integer,
            // Field errors name the field; an uploaded sheet's errors its row and column header.
            "errors": .array(.object([
                "field": .text, "row": .integer, "column": .text, "code": .choice(MessageCode.self), "message": .text,
            ], required: ["code", "message"])),
        ], required: ["type", "title", "status", "code", "detail"]),
        "Agency": .record(["id": .id, "code": .text, "name": .text, "kind": .choice(AgencyKind.self)]),
        "User": .record([
            "id": .id, "username": .text, "display_name": .text, "role": .choice(UserRole.self), "agency": .ref("Agency"),
        ]),
        "SignIn": .record(["username": .text, "password": .text]),
        "Session": .record(["token": .text, "expires_at": .timestamp, "user": .ref("User")]),
        "ProjectInput": .object(projectFields, required: ["code", "name", "category", "district_id"]),
        "ProjectPatch": .object(projectFields, required: []),
        "Project": .object(projectFields.merging([
            "id": .id, "version": .integer, "updated_at": .timestamp,
            "year_to_date_investment": .number, "year_to_date_share": .nullable(.number),
        ]) { $1 }, required: ["id", "version", "updated_at"] + projectFields.keys.sorted()),
    ]

    static let projectFields: [String: Schema] = [
        "code": .text, "name": .text, "owner": .text, "category": .choice(ProjectCategory.self),
        "industry": .nullable(.text), "stage": .choice(Stage.self), "major": .boolean, "district_id": .id,
        "lead_department_id": .nullable(.id), "park_id": .nullable(.id), "total_investment": .number,
        "planned_start": .nullable(.date), "planned_completion": .nullable(.date), "actual_start": .nullable(.date),
        "actual_completion": .nullable(.date), "land_area": .nullable(.number), "eia_class": .nullable(.text),
        "green_channel": .boolean, "central_soe": .boolean,
        "national_code": .nullable(.pattern("^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$")),
    ]

    /// A stored row's `version` and `updated_at` added to `fields`, all required.
    static func stored(_ fields: [String: Schema]) -> Schema {
        .record(fields.merging(["version": .integer, "updated_at": .timestamp]) { $1 })
    }

    /// `fields` as a PATCH body: any subset.
    static func patch(_ fields: [String: Schema]) -> Schema {
        .object(fields, required: [])
    }
}
