import Campaign

extension OpenAPIComponents {
    static let parkFields: [String: Schema] = [
        "name": .text, "district_id": .id, "standard": .choice(ParkStandard.self),
    ]

    static let parkItemFields: [String: Schema] = [
        "status": .choice(ParkItemStatus.self), "planned_investment": .number, "completed_investment": .number,
    ]

    /// Parks and their infrastructure items.
    static let parkSchemas: [String: Schema] = [
        "ParkInput": .record(parkFields),
        "ParkPatch": patch(parkFields),
        "Park": stored(parkFields.merging([
            "id": .id, "items_total": .integer, "items_done": .integer, "readiness": .number,
            "planned_investment": .number, "completed_investment": .number,
        ]) { $1 }),
        "ParkItemInput": .object(parkItemFields, required: ["status"]),
        "ParkItem": stored(parkItemFields.merging(["id": .id, "park_id": .id, "item": .choice(ParkItem.self)]) { $1 }),
    ]

    /// The yearly construction-land quota and its allocations (亩).
    static let landSchemas: [String: Schema] = [
        "LandQuotaInput": .object(["quota_mu": .number, "reserved_mu": .number], required: ["quota_mu"]),
        "LandQuota": stored([
            "year": .integer, "quota_mu": .number, "reserved_mu": .number, "allocated_mu": .number, "allocated_reserve_mu": .number,
        ]),
        "LandAllocationInput": .object(
            ["year": .integer, "project_id": .id, "area_mu": .number, "from_reserve": .boolean],
            required: ["year", "project_id", "area_mu"]
        ),
        "LandAllocation": stored([
            "id": .id, "year": .integer, "project_id": .id, "area_mu": .number, "from_reserve": .boolean,
        ]),
    ]
}
