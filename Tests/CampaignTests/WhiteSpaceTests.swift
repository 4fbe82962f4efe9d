import Campaign
import Foundation
import Testing

/// `trimmingWhiteSpace` and `trimmingSpaces` trim what Foundation's `.whitespacesAndNewlines` and
/// `.whitespaces` trim, for every scalar of the Basic Multilingual Plane at either end.
@Suite struct WhiteSpaceTests {
    static let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter { $0.value != 0 }

    @Test func everyScalarIsTrimmedAsFoundationTrimsIt() {
        var differing: [String] = []
        for scalar in Self.scalars {
            let text = "\(scalar)项目 名称\(scalar)\(scalar)"
            if text.trimmingWhiteSpace() != text.trimmingCharacters(in: .whitespacesAndNewlines) { differing.append("all U+\(String(scalar.value, radix: 16))") }
            if text.trimmingSpaces() != text.trimmingCharacters(in: .whitespaces) { differing.append("spaces U+\(String(scalar.value, radix: 16))") }
            // one end only (a String whose ends are not white space comes back as it is), and a Substring
            for one in ["\(scalar)项目", "项目\(scalar)"] where one.trimmingWhiteSpace() != one.trimmingCharacters(in: .whitespacesAndNewlines) {
                differing.append("one end U+\(String(scalar.value, radix: 16))")
            }
            if Substring(text).trimmingWhiteSpace() != text.trimmingCharacters(in: .whitespacesAndNewlines) { differing.append("substring U+\(String(scalar.value, radix: 16))") }
        }
        #expect(differing == [])
    }

    @Test func combiningMarksAndEmptyTextAreKept() {
        for text in ["", " ", " \u{301}a ", "\t\n", "a", "\u{3000}申报\u{3000}", "  application/json ; charset=utf-8 "] {
            #expect(text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
            #expect(Substring(text).trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        }
    }
}
