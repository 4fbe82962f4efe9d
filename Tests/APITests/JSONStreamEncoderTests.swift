@testable import API
import Campaign
import Foundation
import NIOCore
@testable import Store
import Testing

/// `JSONStreamEncoder` writes what Foundation's `JSONEncoder` (as the API used it) writes.
@Suite struct JSONStreamEncoderTests {
    /// Foundation's encoder as the responses used it: slashes unescaped, RFC 3339 timestamps.
    static let reference: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle()))
        }
        return encoder
    }()

    static func streamed(_ value: some Encodable) throws -> String {
        String(buffer: try JSONStreamEncoder.encode(value))
    }

    static func referenceText(_ value: some Encodable) throws -> String {
        String(decoding: try reference.encode(value), as: UTF8.self)
    }

    /// Both texts parsed: equal values, whatever the order of members.
    static func expectSameJSON(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try JSONDecoder().decode(JSONValue.self, from: Data(streamed(value).utf8))
        let theirs = try JSONDecoder().decode(JSONValue.self, from: reference.encode(value))
        #expect(ours == theirs, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "plain", "", "quote \" and backslash \\", "line\nfeed\rreturn\ttab", "\u{08}\u{0C}\u{01}\u{1F}\u{7F}",
        "a/b", "余庆县 项目建设年 🏗", "ends with escape\n",
    ])
    func stringsAreEscapedAsJSONEncoderEscapesThem(_ text: String) throws {
        #expect(try Self.streamed(text) == Self.referenceText(text))
        #expect(try Self.streamed([text, text]) == Self.referenceText([text, text]))
    }

    @Test func scalarsMatch() throws {
        for value in [0, 1, -1, Int.max, Int.min] { #expect(try Self.streamed(value) == Self.referenceText(value)) }
        for value: Int64 in [42, -9_000_000_000] { #expect(try Self.streamed(value) == Self.referenceText(value)) }
        for value in [true, false] { #expect(try Self.streamed(value) == Self.referenceText(value)) }
        for text in ["0", "0.1", "178991.00", "-5.25", "12345678901234.56", "0.005"] {
            let value = try #require(Decimal(string: text))
            #expect(try Self.streamed(value) == Self.referenceText(value))
        }
        for value in [0.5, 1.0, -2.0, 1e20, 0.1] {
            #expect(try JSONDecoder().decode(Double.self, from: Data(Self.streamed(value).utf8)) == value)
        }
    }

    @Test func timestampsMatchTheISO8601Style() throws {
        var random = SystemRandomNumberGenerator()
        let fixed: [TimeInterval] = [0, -1, -0.5, 59.999, 86_399.9, 951_782_400, 4_102_444_799, -2_208_988_800, 1_767_225_600.25]
        let drawn = (0..<2000).map { _ in TimeInterval.random(in: -2_208_988_800...4_102_444_800, using: &random) }
        for seconds in fixed + drawn {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(try Self.streamed(date) == Self.referenceText(date), "\(seconds)")
        }
        for date in [Date.distantPast, Date.distantFuture] {
            #expect(try Self.streamed(date) == Self.referenceText(date), "\(date)")
        }
    }

    @Test func recordsMatch() throws {
        let fields = ProjectFields(
            code: "2026-D1-001", name: "余庆县\"智能\"制造/项目", owner: "A\\B 公司", category: .industry, industry: nil,
            stage: .construction, major: true, districtID: 3, leadDepartmentID: nil, parkID: 7,
            totalInvestment: Decimal(string: "12000.50")!, plannedStart: CalendarDate("2026-02-01"), plannedCompletion: nil,
            actualStart: CalendarDate("2026-03-15"), actualCompletion: nil, landArea: Decimal(string: "12.3"), eiaClass: "报告书",
            greenChannel: false, centralSOE: true)
        let record = ProjectRecord(
            id: 9, version: 4, fields: fields, updatedAt: Date(timeIntervalSince1970: 1_767_225_600.75),
            yearToDateInvestment: Decimal(string: "3000.25"))
        try Self.expectSameJSON(record)
        try Self.expectSameJSON(ListPage(items: [record, record], total: 2, paging: Paging()))
        try Self.expectSameJSON(ListPage(items: [ProjectRecord](), total: 0, paging: Paging(limit: 5, offset: 10)))
        let document: JSONValue = ["a": [1, "two", .null, true, ["b": []]], "c": [:], "d": .number(Decimal(string: "-0.5")!)]
        try Self.expectSameJSON(document)
        try Self.expectSameJSON(["x": [1, 2], "y": []] as [String: [Int]])
    }

    @Test func integerMembersAreWrittenDigitByDigit() throws {
        try Self.expectSameJSON(Integers())
        #expect(try Self.streamed(Integers()) == #"{"min":-9223372036854775808,"max":9223372036854775807,"minus_one":-1,"#
            + #""zero":0,"seven":7,"none":null,"int":-42}"#)
    }

    @Test func nestedContainersAndSuperEncodersClose() throws {
        try Self.expectSameJSON(Nested())
        #expect(try Self.streamed(Nested()).hasPrefix(#"{"a":[1,[2,3],{"k":null}],"b":{"c":"d"},"super":{"s":1},"after":true"#))
        try Self.expectSameJSON([Empty(), Empty()])
        #expect(try Self.streamed(Empty()) == "{}", "JSONEncoder refuses an empty top-level value; this writes it as nested")
        try Self.expectSameJSON([Int?.none, 1])
    }

    @Test func everyPrimitiveDataAndURLMatch() throws {
        try Self.expectSameJSON(Primitives())
    }

    @Test func aRecordWritesTheMembersOfTheContract() throws {
        let fields = ProjectFields(
            code: "C", name: "N", owner: "O", category: .industry, industry: nil, stage: .reserve, major: false,
            districtID: 1, leadDepartmentID: nil, parkID: nil, totalInvestment: 0, plannedStart: nil,
            plannedCompletion: nil, actualStart: nil, actualCompletion: nil, landArea: nil, eiaClass: nil,
            greenChannel: false, centralSOE: false)
        let record = ProjectRecord(id: 1, version: 1, fields: fields, updatedAt: Date(), yearToDateInvestment: 0)
        guard case .object(let members) = try JSONDecoder().decode(JSONValue.self, from: Data(Self.streamed(record).utf8)) else {
            Issue.record("not an object")
            return
        }
        #expect(Set(members.keys) == [
            "id", "version", "updated_at", "code", "name", "owner", "category", "industry", "stage", "major",
            "district_id", "lead_department_id", "park_id", "total_investment", "planned_start", "planned_completion",
            "actual_start", "actual_completion", "land_area", "eia_class", "green_channel", "central_soe", "national_code",
            "year_to_date_investment", "year_to_date_share",
        ])
    }

    @Test func misuseAndNonFiniteNumbersThrowInsteadOfCrashing() {
        #expect(throws: EncodingError.self) { try Self.streamed(Misused()) }
        #expect(throws: EncodingError.self) { try Self.streamed([Double.nan]) }
        #expect(throws: EncodingError.self) { try Self.streamed(Double.infinity) }
    }

    /// Containers used out of order, and errors the value's own code swallows, would leave broken
    /// text in a stream: the whole value fails instead.
    @Test func outOfOrderContainersAndSwallowedErrorsFailTheValue() {
        for order in OutOfOrder.Order.allCases {
            #expect(throws: EncodingError.self, "\(order)") { try Self.streamed(OutOfOrder(order: order)) }
        }
        #expect(throws: EncodingError.self) { try Self.streamed(SwallowsError()) }
        #expect(throws: Refusal.self) { try Self.streamed(SwallowsObjectError()) }
    }
}

private struct Primitives: Encodable {
    var int8: Int8 = -8, int16: Int16 = -16, uint: UInt = 1, uint8: UInt8 = 8, uint16: UInt16 = 16
    var uint32: UInt32 = 32, uint64: UInt64 = .max, float: Float = 0.1, double = 2.5
    var bytes = Data([0, 1, 2, 254, 255]), url = URL(string: "https://example.org/a?b=c")!
    var list: [UInt8] = [1, 2]
}

private struct OutOfOrder: Encodable {
    enum Order: CaseIterable { case siblingAfterNextSibling, nestedAfterNextMember, superEncoderAfterNextElement, keptContainer }
    enum Keys: String, CodingKey { case a, b, x, y }
    var order: Order

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch order {
        case .siblingAfterNextSibling:
            var a = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
            var b = container.nestedContainer(keyedBy: Keys.self, forKey: .b)
            try b.encode(1, forKey: .x)
            try a.encode(2, forKey: .y)
        case .nestedAfterNextMember:
            var a = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try container.encode(1, forKey: .b)
            try a.encode(2, forKey: .x)
        case .superEncoderAfterNextElement:
            var list = container.nestedUnkeyedContainer(forKey: .a)
            let late = list.superEncoder()
            try list.encode(1)
            var object = late.container(keyedBy: Keys.self)
            try object.encode(5, forKey: .x)
        case .keptContainer:
            let kept = KeepsContainer()
            try container.encode(kept, forKey: .a)
            try container.encode(kept, forKey: .b)
            var leaked = kept.box.container!
            try leaked.encode(99, forKey: .x)
        }
    }
}

/// Hands out the container it wrote into, to write into it later.
private final class KeepsContainer: Encodable {
    final class Box { var container: KeyedEncodingContainer<OutOfOrder.Keys>? }
    let box = Box()
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OutOfOrder.Keys.self)
        try container.encode(1, forKey: .x)
        box.container = container
    }
}

private struct SwallowsError: Encodable {
    enum Keys: String, CodingKey { case a, f, z }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode("first", forKey: .a)
        try? container.encode(Double.nan, forKey: .f)
        try container.encode("last", forKey: .z)
    }
}

private struct Refusal: Error {}

private struct Integers: JSONObject {
    func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("min", Int64.min)
        try writer.write("max", Int64.max)
        try writer.write("minus_one", Int64(-1))
        try writer.write("zero", Int64(0))
        try writer.write("seven", Int64(7))
        try writer.write("none", Int64?.none)
        try writer.write("int", -42)
    }
}

private struct Refuses: JSONObject {
    func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("a", 1)
        throw Refusal()
    }
}

private struct SwallowsObjectError: Encodable {
    enum Keys: String, CodingKey { case a, z }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try? container.encode(Refuses(), forKey: .a)
        try container.encode("last", forKey: .z)
    }
}

private struct Nested: Encodable {
    enum Keys: String, CodingKey { case a, b, c, k, s, after }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var array = container.nestedUnkeyedContainer(forKey: .a)
        try array.encode(1)
        var inner = array.nestedUnkeyedContainer()
        try inner.encode(2)
        try inner.encode(3)
        var object = array.nestedContainer(keyedBy: Keys.self)
        try object.encodeNil(forKey: .k)
        var b = container.nestedContainer(keyedBy: Keys.self, forKey: .b)
        try b.encode("d", forKey: .c)
        var parent = container.superEncoder().container(keyedBy: Keys.self)
        try parent.encode(1, forKey: .s)
        try container.encode(true, forKey: .after)
        try container.encodeIfPresent(Int?.none, forKey: .k)
    }
}

private struct Empty: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

private struct Misused: Encodable {
    enum Keys: String, CodingKey { case a }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .a)
        var array = encoder.unkeyedContainer()
        try array.encode(2)
    }
}
