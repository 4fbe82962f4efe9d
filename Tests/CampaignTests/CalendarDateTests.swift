import Campaign
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2026-02-28", true), ("2026-02-29", false), ("2024-02-29", true), ("2000-02-29", true),
        ("1900-02-29", false), ("2026-04-30", true), ("2026-04-31", false), ("2026-12-31", true),
        ("2026-13-01", false), ("2026-00-10", false), ("2026-01-00", false), ("2026-1-01", false),
        ("2026-01-1", false), ("20260101", false), ("2026-01-01T00:00", false), (" 2026-01-01", false),
        ("2026-01-01 ", false), ("0000-01-01", false), ("2026/01/01", false), ("+026-01-01", false),
        ("２０２６-01-01", false), ("", false),
    ])
    func parse(text: String, valid: Bool) {
        let date = CalendarDate(text)
        #expect((date != nil) == valid, "\(text)")
        if let date { #expect(date.description == text) }
    }

    @Test func orderAndParts() throws {
        let earlier = try #require(CalendarDate("2026-01-31"))
        let later = try #require(CalendarDate("2026-02-01"))
        #expect(earlier < later)
        #expect(!(later < earlier))
        #expect(later.year == 2026 && later.month == 2 && later.day == 1)
        #expect(CalendarDate(year: 5, month: 3, day: 7)?.description == "0005-03-07")
        #expect(earlier.yearMonth.description == "2026-01")
    }

    @Test func codableAsString() throws {
        let date = try #require(CalendarDate("2026-07-15"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-07-15"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}

@Suite struct MonthTests {
    @Test(arguments: [
        ("2026-01", true), ("2026-12", true), ("2000-01", true), ("2100-12", true), ("1999-12", false),
        ("2101-01", false), ("2026-13", false), ("2026-00", false), ("2026-1", false), ("2026-01-01", false),
        ("202601", false), ("2026/01", false), ("", false),
    ])
    func parse(text: String, valid: Bool) {
        let month = Month(text)
        #expect((month != nil) == valid, "\(text)")
        if let month { #expect(month.description == text) }
    }

    @Test(arguments: [
        ("2024-02", "2024-02-01", "2024-02-29"), ("2026-02", "2026-02-01", "2026-02-28"),
        ("2026-04", "2026-04-01", "2026-04-30"), ("2026-12", "2026-12-01", "2026-12-31"),
    ])
    func firstAndLastDay(text: String, first: String, last: String) throws {
        let month = try #require(Month(text))
        #expect(month.firstDay.description == first)
        #expect(month.lastDay.description == last)
    }

    @Test func nextAndReportDeadline() throws {
        let december = try #require(Month("2026-12"))
        #expect(december.next.description == "2027-01")
        #expect(december.reportDeadline(day: 5).description == "2027-01-05")
        #expect(try #require(Month("2026-03")).reportDeadline(day: 10).description == "2026-04-10")
        #expect(try #require(Month("2026-03")) < december)
    }

    @Test func codableAsString() throws {
        let data = Data(#"["2026-03"]"#.utf8)
        let months = try JSONDecoder().decode([Month].self, from: data)
        #expect(months.map(\.description) == ["2026-03"])
        #expect(try JSONEncoder().encode(months) == data)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Month].self, from: Data(#"["2026-3"]"#.utf8)) }
    }
}
