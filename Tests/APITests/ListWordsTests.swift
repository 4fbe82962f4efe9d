@testable import API
import Campaign
import Testing

/// A list download shows each code as the county's word, never the code: every member of the API's
/// schemas that lists its codes is worded by a vocabulary of `ListColumns`.
@Suite struct ListWordsTests {
    /// Members whose codes are not shown by a list download through `ListSheet`, and why.
    static let notWorded: Set<String> = [
        "Attachment.content_type",  // a file's media type, shown as it is
        "ImportSummary.encoding", "Problem.code", "Problem.errors.code",  // answers, not list items
        "Warnings.indicators.group", "Warnings.projects.reason",  // the warnings' own export words them (Export+Rankings)
    ]

    @Test func everyCodeOfAListItemHasItsWord() {
        var unworded: [String] = []
        func walk(_ schema: Schema, _ path: String) {
            switch schema {
            case .string(_, let codes?):
                if ListColumns.labels(forCodes: codes) == nil, !Self.notWorded.contains(path) { unworded.append(path) }
            case .array(let inner), .nullable(let inner): walk(inner, path)
            case .object(let properties, _): for (key, value) in properties { walk(value, path + "." + key) }
            default: break
            }
        }
        for (name, schema) in OpenAPIComponents.schemas { walk(schema, name) }
        #expect(unworded.isEmpty, "no words for the codes of \(unworded.sorted())")
    }
}
