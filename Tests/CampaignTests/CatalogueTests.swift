import Campaign
import Foundation
import Testing

/// The message catalogue: stable codes, Chinese and English words for each, and the reader's
/// language chosen from `Accept-Language`.
@Suite struct CatalogueTests {
    @Test func everyCodeIsSnakeCaseAndUnique() {
        let codes = MessageCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.range(of: "^[a-z][a-z0-9]*(_[a-z0-9]+)*$", options: .regularExpression) != nil, "\(code)")
        }
    }

    @Test func everyCodeHasChineseAndEnglishWords() {
        for code in MessageCode.allCases {
            let chinese = code.text(.zh)
            let english = code.text(.en)
            #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(code): \(chinese)")
            #expect(!english.isEmpty && english != chinese, "\(code)")
            // no ASCII field name (`planned_start`) in what a clerk reads
            let words = chinese.replacingOccurrences(of: "\\{[a-z_]+\\}", with: "", options: .regularExpression)
            #expect(words.range(of: "[a-z]+_[a-z_]+", options: .regularExpression) == nil, "\(code): \(chinese)")
            #expect(!chinese.contains("。。"), "\(code)")
        }
    }

    @Test func placeholdersAreFilledAndFullStopsNotDoubled() {
        let message = Message(.textTooLong, ["max": "20", "got": "21"])
        #expect(message.text() == "最多 20 个字（现有 21 个字），请删减。")
        #expect(message.text(.en) == "must be at most 20 characters (got 21)")
        #expect(Wording.collapsePunctuation("请说明原因。。请修改") == "请说明原因。请修改")
    }

    @Test(arguments: [
        (nil, Language.zh), ("en", .en), ("en-US,en;q=0.9", .en), ("zh-CN,zh;q=0.9,en;q=0.8", .zh),
        ("en;q=0.5,zh;q=0.8", .zh), ("zh;q=0.2,en;q=0.7", .en), ("fr-FR", .zh), ("fr,en;q=0.1", .en),
        ("en;q=0", .zh), ("*", .zh), ("EN-gb", .en),
    ] as [(String?, Language)])
    func acceptLanguageChoosesTheReadersLanguage(header: String?, language: Language) {
        #expect(Language(acceptLanguage: header) == language)
    }

    @Test func moneyRatiosMonthsAndTimesAsPeopleReadThem() throws {
        #expect(Wording.money(Decimal(string: "1473.1")!) == "1,473.10 万元")
        #expect(Wording.money(Decimal(string: "156573.654")!) == "156,573.65 万元")
        #expect(Wording.money(0) == "0.00 万元")
        #expect(Wording.percent(Decimal(string: "0.4567")!) == "45.7%")
        #expect(Wording.month(try #require(Month("2026-11"))) == "2026年11月")
        #expect(Wording.date(try #require(CalendarDate("2026-03-05"))) == "2026年3月5日")
        // 20:10 UTC is 04:10 the next morning in the county
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-12-05T20:10:22Z"))
        #expect(Wording.time(instant) == "2026年12月6日 04:10")
    }
}
