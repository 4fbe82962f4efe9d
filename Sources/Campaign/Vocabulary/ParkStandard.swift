/// A park's infrastructure standard: which items must be done for the park to be ready.
public enum ParkStandard: String, Codable, Sendable, CaseIterable {
    /// 六通一平: water, drainage, power, telecom, road, gas + site levelling.
    case sixOne = "six_one"
    /// 八通一平: water (supply), drainage, power, telecom, road, gas, heating, cable TV + site levelling.
    case eightOne = "eight_one"

    /// The items of the standard, in the standard's order.
    public var items: [ParkItem] {
        switch self {
        case .sixOne: [.water, .drainage, .power, .telecom, .road, .gas, .siteLevelling]
        case .eightOne: [.water, .drainage, .power, .telecom, .road, .gas, .heating, .cableTV, .siteLevelling]
        }
    }
}

/// One infrastructure item of a park standard; the raw values are the database's
/// (`app.park_items.item`), where both standards share `water` and `levelling`.
public enum ParkItem: String, Codable, Sendable, CaseIterable {
    /// 通水 (六通一平) or 给水 (八通一平).
    case water
    /// 排水.
    case drainage
    /// 通电.
    case power
    /// 通讯.
    case telecom
    /// 通路.
    case road
    /// 通气.
    case gas
    /// 供热 (八通一平).
    case heating
    /// 有线电视 (八通一平).
    case cableTV = "cable_tv"
    /// 场地平整 (the "一平").
    case siteLevelling = "levelling"
}

/// Where a park infrastructure item stands.
public enum ParkItemStatus: String, Codable, Sendable, CaseIterable {
    /// Planned.
    case planned
    /// Being built.
    case building
    /// Done.
    case done
}
