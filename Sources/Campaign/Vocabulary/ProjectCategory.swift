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
}
