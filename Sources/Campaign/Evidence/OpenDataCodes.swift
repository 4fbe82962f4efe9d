/// How the campaign's vocabulary maps onto the OC4IDS 0.9 codelists (docs/EVIDENCE.md).
public enum OpenDataCodes {
    /// projectStatus of a stage: reserve → identification, preliminary → preparation, new_start and
    /// construction → implementation, completed → completion, cancelled → cancelled; a suspended
    /// project stays in implementation once started, in preparation before.
    public static func status(_ stage: Stage, started: Bool) -> String {
        switch stage {
        case .reserve: "identification"
        case .preliminary: "preparation"
        case .newStart, .construction: "implementation"
        case .completed: "completion"
        case .suspended: started ? "implementation" : "preparation"
        case .cancelled: "cancelled"
        }
    }

    /// projectSector of a category.
    public static func sector(_ category: ProjectCategory) -> String {
        switch category {
        case .infrastructure: "transport"
        case .industry, .services, .agriculture: "economy"
        case .environment: "naturalResources"
        case .social: "governance"
        }
    }

    /// Whether the owner of a project of this category acts as the public authority (public works);
    /// otherwise it is the buyer (an enterprise investing).
    public static func ownerIsPublicAuthority(_ category: ProjectCategory) -> Bool {
        [.infrastructure, .environment, .social].contains(category)
    }

    /// Chinese names of the categories, for descriptions.
    public static func categoryName(_ category: ProjectCategory) -> String {
        switch category {
        case .infrastructure: "基础设施"
        case .industry: "工业"
        case .services: "服务业"
        case .agriculture: "生态农业"
        case .environment: "节能环保"
        case .social: "社会事业"
        }
    }
}
