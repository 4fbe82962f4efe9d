/// A project's category.
public enum ProjectCategory: String, Codable, Sendable, CaseIterable {
    /// 基础设施.
    case infrastructure
    /// 工业.
    case industry
    /// 服务业: logistics, finance, tourism, exhibitions.
    case services
    /// 生态农业: vegetables, livestock, herbal medicine.
    case agriculture
    /// 节能环保, circular economy, ecological construction.
    case environment
    /// 社会事业 and people's livelihood.
    case social

    /// The department that leads a project of this category unless another is chosen at entry;
    /// nil where the lead must be chosen. The API maps it to the agency's id.
    public var defaultLead: DefaultLeadDepartment? {
        switch self {
        case .infrastructure, .services: .developmentAndReform
        case .industry: .industryAndIT
        case .agriculture: .agriculture
        case .environment, .social: nil
        }
    }
}

/// The departments that lead projects by default, by category (a rule of the campaign).
public enum DefaultLeadDepartment: String, Codable, Sendable, CaseIterable {
    /// 发展改革委 (the DRC).
    case developmentAndReform
    /// 工业和信息化委.
    case industryAndIT
    /// 农委.
    case agriculture
}
