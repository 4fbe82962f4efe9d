import Campaign
import Store

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
        "Agency": AgencySummary.schema,
        "User": UserSummary.schema,
        "SignIn": .record(["username": .text, "password": .text]),
        "Session": SessionCreated.schema,
        "ProjectInput": ProjectFields.schema(required: ["code", "name", "category", "district_id"]),
        "ProjectPatch": ProjectFields.schema(required: []),
        "Project": ProjectRecord.schema,
    ]

    /// `fields` as a PATCH body: any subset.
    static func patch(_ fields: [String: Schema]) -> Schema {
        .object(fields, required: [])
    }
}
