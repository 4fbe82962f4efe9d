import Campaign

extension ProjectChildRecord where Self: JSONRecord, Fields: JSONRecord {
    /// The members every project row writes: `id`, `project_id`, its fields, `extra`, then
    /// `version` and `updated_at`.
    static func rowMembers(adding extra: [JSONMember<Self>] = []) -> [JSONMember<Self>] {
        [.id("id") { $0.id }, .id("project_id") { $0.projectID }, .inline { $0.fields }] + extra
            + [.integer("version") { $0.version }, .timestamp("updated_at") { $0.updatedAt }]
    }
}
