import Campaign
import Foundation

/// The JSON members of a problem response, in one language.
struct ProblemBody: Encodable {
    var type = "about:blank"
    var title: String
    var status: Int
    var code: String
    var detail: String
    var errors: [Entry]?
    var extensions: [String: Int]

    /// One wrong field (`field`) or sheet cell (`row`, `column`).
    struct Entry: Encodable {
        var field: String?
        var row: Int?
        var column: String?
        var code: String
        var message: String
    }

    init(problem: Problem, language: Language) {
        title = StatusTitle.text(Int(problem.status.code), language)
        status = Int(problem.status.code)
        code = problem.code.rawValue
        detail = problem.message.text(language)
        let fields = problem.errors.map {
            Entry(field: $0.field, code: $0.code.rawValue, message: $0.message.text(language))
        }
        let cells = problem.sheetErrors.map {
            Entry(row: $0.row, column: $0.column, code: $0.message.code.rawValue, message: $0.message.text(language))
        }
        errors = fields.isEmpty ? (cells.isEmpty ? nil : cells) : fields
        extensions = problem.extensions
    }

    enum Keys: String, CodingKey { case type, title, status, code, detail, errors }

    struct ExtensionKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(code, forKey: .code)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(errors, forKey: .errors)
        var more = encoder.container(keyedBy: ExtensionKey.self)
        for (key, value) in extensions { try more.encode(value, forKey: ExtensionKey(stringValue: key)) }
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
