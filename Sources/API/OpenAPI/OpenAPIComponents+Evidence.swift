import Campaign

extension OpenAPIComponents {
    /// Attachments (附件) and the open-data package.
    static let evidenceSchemas: [String: Schema] = [
        // `taken_at`, `latitude`, `longitude` come from a JPEG's EXIF, null when absent.
        "Attachment": .record([
            "id": .id, "project_id": .id, "month": .nullable(.month), "filename": .text,
            "content_type": .choice(AttachmentType.self), "size": .integer, "sha256": .pattern("^[0-9a-f]{64}$"),
            "taken_at": .nullable(.timestamp), "latitude": .nullable(.number), "longitude": .nullable(.number),
            "uploaded_by": .nullable(.ref("UserReference")), "uploaded_at": .timestamp, "version": .integer,
        ]),
        // The project package of OC4IDS 0.9 (its own JSON Schema: ../shared/oc4ids/project-package-schema.json).
        "OC4IDSPackage": .object([
            "uri": .text, "publishedDate": .timestamp, "publisher": .object(["name": .text], required: ["name"]), "version": .text,
            "projects": .array(.any),
        ], required: ["uri", "publishedDate", "publisher", "version", "projects"]),
    ]
}
