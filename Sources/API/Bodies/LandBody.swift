import Campaign
import Foundation
import Store

/// Reads land quota and allocation bodies.
enum LandBody {
    /// `{"quota_mu", "reserved_mu"}`: the reserve (0 when omitted) within the quota.
    static func quota(_ body: inout RequestBody) throws -> (quota: Decimal, reserved: Decimal) {
        let quota = body.quantity("quota_mu")
        let reserved = body.quantity("reserved_mu", required: false) ?? 0
        if let quota, reserved > quota {
            body.validator.add("reserved_mu", .reservedExceedsQuota, ["quota": Wording.grouped(quota, decimals: 2)])
        }
        try body.finish()
        return (quota ?? 0, reserved)
    }

    /// `{"year", "project_id", "area_mu", "from_reserve"}`; `from_reserve` false when omitted.
    static func allocation(_ body: inout RequestBody) throws -> LandAllocationFields {
        let year = Self.year(&body, "year")
        let projectID = body.id("project_id")
        let area = body.quantity("area_mu")
        if let area, area <= 0 { body.validator.add("area_mu", .areaNotPositive) }
        let fromReserve = body.bool("from_reserve") ?? false
        try body.finish()
        return LandAllocationFields(year: year ?? 0, projectID: projectID ?? 0, area: area ?? 0, fromReserve: fromReserve)
    }

    /// A year from 2000 to 2100, as a JSON integer.
    static func year(_ body: inout RequestBody, _ field: String) -> Int? {
        let bounds = ["min": "\(Month.years.lowerBound)", "max": "\(Month.years.upperBound)"]
        guard let number = body.rawNumber(field) else {
            if !body.present(field) { body.validator.add(field, .requiredYear, bounds) }
            return nil
        }
        guard number.hasAtMost(decimalPlaces: 0), number >= Decimal(Month.years.lowerBound), number <= Decimal(Month.years.upperBound) else {
            body.validator.add(field, .notAYear, bounds)
            return nil
        }
        return Int(truncating: number as NSDecimalNumber)
    }
}
