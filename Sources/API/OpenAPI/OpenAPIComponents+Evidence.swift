import Campaign
import Store

extension OpenAPIComponents {
    /// Attachments (附件) and the open-data package.
    static let evidenceSchemas: [String: Schema] = [
        "Attachment": AttachmentRecord.schema,
        // The project package of OC4IDS 0.9 (its own JSON Schema: ../shared/oc4ids/project-package-schema.json).
        "OC4IDSPackage": .object([
            "uri": .text, "publishedDate": .timestamp, "publisher": .object(["name": .text], required: ["name"]), "version": .text,
            "projects": .array(.any),
        ], required: ["uri", "publishedDate", "publisher", "version", "projects"]),
    ]
}
