import Campaign
import Foundation

/// Reads a batch review: `{"decision","comment","items":[{"project_id","month","version"}]}`
/// (`POST /reviews/batch`). Each item names one report and the version the reviewer saw, which
/// is its If-Match. Errors of an item name it as `items[i].field`.
struct BatchReviewBody {
    /// One report to decide, at the version the reviewer saw.
    struct Item: Sendable {
        var projectID: Int64
        var month: Month
        var version: Int
    }

    /// Most reports one request may decide (a page of the queue at most).
    static let limit = 500

    var decision: ReviewDecision
    var comment: String?
    var items: [Item]

    static func read(_ body: inout RequestBody) throws -> BatchReviewBody {
        let decision: ReviewDecision? = body.choice("decision")
        let comment = body.string("comment", maxLength: ReportBody.textLimit, required: decision == .return, nullable: true)
        let items = Self.items(&body)
        try body.finish()
        guard let decision, let items else { throw Problem.invalid(body.validator.errors) }
        return BatchReviewBody(decision: decision, comment: comment, items: items)
    }

    private static func items(_ body: inout RequestBody) -> [Item]? {
        guard body.present("items"), let value = body.fields["items"] else {
            body.validator.add("items", .batchItemsRequired, ["max": "\(limit)"])
            return nil
        }
        guard case .array(let values) = value, (1...limit).contains(values.count) else {
            body.validator.add("items", .batchItemsRequired, ["max": "\(limit)"])
            return nil
        }
        var items: [Item] = []
        for (index, value) in values.enumerated() {
            let field = "items[\(index)]"
            guard case .object(let fields) = value else {
                body.validator.add(field, .batchItemObject, ["got": value.typeName])
                continue
            }
            var item = RequestBody(fields: fields)
            let projectID = item.id("project_id")
            let month = item.validator.month(item.rawString("month"), field: "month")
            let version = Self.version(&item)
            try? item.finish()
            body.validator.add(contentsOf: item.validator.errors.map {
                FieldError(field: "\(field).\($0.field)", message: $0.message)
            })
            if let projectID, let month, let version { items.append(Item(projectID: projectID, month: month, version: version)) }
        }
        return body.validator.isValid ? items : nil
    }

    /// The report's version as the reviewer saw it: an integer ≥ 1.
    private static func version(_ item: inout RequestBody) -> Int? {
        let raw = item.rawNumber("version")
        if let raw, raw >= 1, raw.hasAtMost(decimalPlaces: 0), raw <= Decimal(Int32.max) {
            return Int(truncating: raw as NSDecimalNumber)
        }
        if raw != nil || item.fields["version"] == nil {
            item.validator.add("version", .batchItemVersion)
        }
        return nil
    }
}
