import Campaign
import Store

extension OpenAPIComponents {
    /// Parks and their infrastructure items.
    static let parkSchemas: [String: Schema] = [
        "ParkInput": ParkFields.schema,
        "ParkPatch": ParkFields.schema(required: []),
        "Park": ParkRecord.schema,
        "ParkItemInput": ParkItemFields.schema(required: ["status"]),
        "ParkItem": ParkItemRecord.schema,
    ]

    /// The yearly construction-land quota and its allocations (亩).
    static let landSchemas: [String: Schema] = [
        "LandQuotaInput": .object(["quota_mu": .number, "reserved_mu": .number], required: ["quota_mu"]),
        "LandQuota": LandQuotaRecord.schema,
        "LandAllocationInput": .object(
            ["year": .integer, "project_id": .id, "area_mu": .number, "from_reserve": .boolean],
            required: ["year", "project_id", "area_mu"]
        ),
        "LandAllocation": LandAllocationRecord.schema,
    ]
}
