/// What kind of body an agency is; it decides what the agency sees and how it is assessed.
public enum AgencyKind: String, Codable, Sendable, CaseIterable {
    /// The county government, the leading group and its office: sees and manages everything.
    case county
    /// A county department (市直部门): leads projects and attraction teams; ranked among departments.
    case department
    /// A district, city or management committee: where projects are located; ranked among districts.
    case district
}
