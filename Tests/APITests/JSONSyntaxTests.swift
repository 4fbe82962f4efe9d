import API
import Foundation
import Testing

/// The strict RFC 8259 reader of request bodies, byte by byte.
@Suite struct JSONSyntaxTests {
    func failure(_ text: String) -> JSONSyntax.Failure? {
        do { _ = try JSONSyntax.parse(Array(text.utf8)); return nil } catch { return error }
    }

    @Test func acceptsWhatRFC8259Allows() {
        let valid = [
            #"{}"#, #"[]"#, #" {"a" : [1, -0, 0.5, -12.5e-3, 1E+2, 2e10, true, false, null, "x"]} "#,
            #"{"a":{"b":{"c":[[[]]]}}}"#, #""just a string""#, "42", "\n\t\r {\"a\":1}\n",
            #"{"s":"quote \" backslash \\ slash \/ \b\f\n\r\t \u00e9 \u4E2D \ud83d\ude00"}"#,
            "{\"中文\":\"项目 é 😀\"}", #"{"a":1,"A":2,"a ":3}"#, #"{"x":{"a":1},"y":{"a":2}}"#, #"[{"a":1},{"a":1}]"#,
        ]
        for text in valid { #expect(failure(text) == nil, "\(text)") }
    }

    @Test func refusesTrailingCommasAndDuplicateKeysWithTheirPosition() throws {
        let comma = try #require(failure(#"{"owner":"x",}"#))
        #expect(comma.message == "trailing comma before '}'" && comma.offset == 13 && comma.line == 1 && comma.column == 14)
        #expect(failure("[1,2,]")?.message == "trailing comma before ']'")
        #expect(failure("[1,,2]") != nil && failure("{,}") != nil && failure("[,]") != nil)
        let duplicate = try #require(failure("{\"owner\":\"a\",\n  \"owner\":\"b\"}"))
        #expect(duplicate.message.contains("duplicate member name \"owner\""))
        #expect(duplicate.line == 2 && duplicate.column == 3 && duplicate.offset == 16)
        // equal once decoded: escapes, and the canonical equivalence Swift's dictionaries use
        #expect(failure(#"{"a":1,"\u0061":2}"#)?.message.contains("duplicate") == true)
        #expect(failure("{\"\u{E9}\":1,\"e\u{301}\":2}")?.message.contains("duplicate") == true)
        #expect(failure(#"{"a":{"b":1,"b":2}}"#)?.message.contains("duplicate") == true)
    }

    @Test func refusesMalformedNumbersLiteralsAndStrings() {
        for text in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "--1", "1.5.2"] {
            #expect(failure("[\(text)]") != nil, "\(text)")
        }
        for text in ["tru", "nul", "True", "undefined", "'a'", "[1 2]", "{\"a\" 1}", "{a:1}", "{\"a\":1}}", "", "   ", "[", "{\"a\":"] {
            #expect(failure(text) != nil, "\(text)")
        }
        #expect(failure("\"tab\there\"")?.message.contains("control character") == true)
        #expect(failure(#""\x""#)?.message.contains("invalid escape") == true)
        #expect(failure(#""\u12G4""#)?.message.contains("four hex digits") == true)
        #expect(failure(#""\ud800""#)?.message.contains("surrogate") == true)
        #expect(failure(#""\udc00\ud800""#)?.message.contains("lone low surrogate") == true)
        #expect(failure(#""\ud800\u0041""#)?.message.contains("surrogate") == true)
        #expect(failure("\"unterminated") != nil)
    }

    @Test func refusesInvalidUTF8AByteOrderMarkAndDeepNesting() throws {
        for bytes: [UInt8] in [[0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22],
                               [0x22, 0xE4, 0xB8, 0x22], [0x22, 0x80, 0x22], [0x22, 0xF0, 0x82, 0x82, 0xAC, 0x22]] {
            #expect((try? JSONSyntax.parse(bytes)) == nil, "\(bytes)")
        }
        #expect(failure("\u{FEFF}{}")?.message.contains("byte-order mark") == true)
        let deep = String(repeating: "[", count: JSONSyntax.maxDepth + 1) + String(repeating: "]", count: JSONSyntax.maxDepth + 1)
        #expect(failure(deep)?.message.contains("nest deeper") == true)
        let allowed = String(repeating: "[", count: JSONSyntax.maxDepth) + String(repeating: "]", count: JSONSyntax.maxDepth)
        #expect(failure(allowed) == nil)
        // a megabyte of nesting fails fast, without recursing into it
        #expect(failure(String(repeating: "{\"a\":", count: 200_000)) != nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let found = try #require(failure("{\"名称\":\"项目\",}"))
        #expect(found.column == 12 && found.offset == 19)
    }

    @Test func buildsTheValueExactly() throws {
        let text = #"{"a":[1,-0.10,1.5e3,true,null,{"b":"x\"\u00e9\ud83d\ude00y"}],"名称":"项目 é","n":12345678901234567890.12}"#
        let (value, outOfRange) = try JSONSyntax.parse(Array(text.utf8))
        #expect(outOfRange.isEmpty)
        let expected: JSONValue = [
            "a": [1, .number(Decimal(string: "-0.1")!), 1500, true, .null, ["b": .string("x\"é😀y")]],
            "名称": "项目 é", "n": .number(Decimal(string: "12345678901234567890.12")!),
        ]
        #expect(value == expected)
        #expect(try JSONSyntax.parse(Array("\"\"".utf8)).value == "")
        #expect(try JSONSyntax.parse(Array(#""a\u0000b""#.utf8)).value == .string("a\u{0}b"))
    }

    @Test func namesNumbersNoDecimalHolds() throws {
        let text = #"{"ok":1e100,"big":1e200,"tiny":1e-300,"zero":0e-300,"list":[1,2,-1e999],"deep":{"x":1E+500}}"#
        let (_, outOfRange) = try JSONSyntax.parse(Array(text.utf8))
        #expect(Set(outOfRange) == ["big", "tiny", "list[2]", "deep.x"])
    }
}
