import Campaign
import Foundation
import Testing

/// OC4IDS sectors from the project's industry (and, for public works, its name): every industry
/// and public-works project of the demo county lands on the closest projectSector code.
@Suite struct SectorTests {
    /// ../shared/oc4ids/projectSector.csv, beside the checkout (absent in a user's own clone).
    static let codelistFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/oc4ids/projectSector.csv")

    /// The codes of `codelistFile`.
    static func codelist() throws -> Set<String> {
        let text = try String(contentsOf: codelistFile, encoding: .utf8)
        return Set(text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
    }

    /// (industry, name, category) → sector, for every industry the demo county uses.
    static let cases: [(String, String, ProjectCategory, String)] = [
        ("装备制造", "黔源数控机床生产线项目", .industry, "economy"),
        ("铝及铝加工", "年产20万吨铝合金型材项目", .industry, "economy"),
        ("磷煤化工", "磷石膏综合利用项目", .industry, "economy"),
        ("现代制药", "医疗器械生产项目", .industry, "economy"),
        ("特色食品", "茶叶精深加工项目", .industry, "economy"),
        ("建材石材", "装配式建筑构件项目", .industry, "economy"),
        ("电子信息", "大数据产业园项目", .industry, "economy"),
        ("物流", "冷链物流中心项目", .services, "transport"),
        ("商贸", "电子商务产业园项目", .services, "economy"),
        ("会展", "国际会展中心项目", .services, "economy"),
        ("旅游", "温泉度假区项目", .services, "cultureSportsAndRecreation"),
        ("金融", "金融服务中心项目", .services, "economy"),
        ("蔬菜", "蔬菜保供基地项目", .agriculture, "economy"),
        ("畜牧", "生猪标准化养殖场项目", .agriculture, "economy"),
        ("基础设施", "南明区城区道路改造工程", .infrastructure, "transport"),
        ("基础设施", "南明区污水处理厂提标改造", .infrastructure, "waterAndWaste"),
        ("基础设施", "南明区中型水库工程", .infrastructure, "waterAndWaste"),
        ("基础设施", "南明区110千伏输变电工程", .infrastructure, "energy"),
        ("基础设施", "南明区天然气管网工程", .infrastructure, "energy"),
        ("基础设施", "南明区5G通信基站", .infrastructure, "communications"),
        ("基础设施", "南明区城市地下综合管廊", .infrastructure, "transport.urban"),
        ("基础设施", "南明区汽车客运站", .infrastructure, "transport"),
        ("节能环保", "黔源生活垃圾焚烧发电项目", .environment, "waterAndWaste"),
        ("节能环保", "黔源河道综合治理项目", .environment, "naturalResources.floodProtection"),
        ("节能环保", "黔源石漠化综合治理项目", .environment, "naturalResources"),
        ("节能环保", "黔源余热余压利用节能改造项目", .environment, "energy"),
        ("社会事业", "南明区人民医院迁建项目", .social, "health"),
        ("社会事业", "南明区第一中学扩建项目", .social, "education"),
        ("社会事业", "南明区职业技术学校新校区项目", .social, "education"),
        ("社会事业", "南明区保障性住房项目", .social, "socialHousing"),
        ("社会事业", "南明区全民健身体育中心项目", .social, "cultureSportsAndRecreation"),
        ("社会事业", "南明区疾控中心业务楼项目", .social, "health"),
        ("", "未命名项目", .social, "governance"),
    ]

    @Test(arguments: cases.indices)
    func aProjectLandsOnTheClosestSector(_ index: Int) throws {
        let (industry, name, category, expected) = Self.cases[index]
        #expect(OpenDataCodes.sector(industry: industry, name: name, category: category) == expected, "\(industry) \(name)")
    }

    @Test(.enabled(
        if: FileManager.default.fileExists(atPath: codelistFile.path),
        "skipped: the OC4IDS codelist ../shared/oc4ids/projectSector.csv is not beside this checkout"))
    func everySectorNamedIsInTheCodelist() throws {
        let codes = try Self.codelist()
        let named = Set(OpenDataCodes.sectorKeywords.map(\.sector) + ProjectCategory.allCases.map { OpenDataCodes.sector($0) })
        #expect(named.subtracting(codes).isEmpty, "\(named.subtracting(codes))")
    }
}
