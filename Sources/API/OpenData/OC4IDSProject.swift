import Campaign
import Foundation
import Store

/// One project of the OC4IDS 0.9 package (docs/EVIDENCE.md has the mapping).
enum OC4IDSProject {
    static func json(_ item: OpenDataProject, settings: OpenDataSettings) -> JSONValue {
        let record = item.project
        let fields = record.fields
        let money = { (amount: Decimal) -> JSONValue in ["amount": .number(amount * 10_000), "currency": "CNY"] }
        let ownerRole = OpenDataCodes.ownerIsPublicAuthority(fields.category) ? "publicAuthority" : "buyer"
        var parties: [JSONValue] = [
            ["id": .string("agency-\(fields.districtID)"), "name": .string(item.districtName), "roles": ["administrativeEntity"]],
            ["id": .string("agency-\(fields.leadDepartmentID ?? 0)"), "name": .string(item.leadDepartmentName), "roles": ["reviewBody"]],
        ]
        var project: [String: JSONValue] = [
            // The code the project was created with, never its current code or national code: an
            // id, once published, never changes, though PATCH may change the code and a national
            // code is often added later (both are in `identifiers`).
            "id": .string("oc4ids-\(settings.prefix)-\(item.publishedKey)"),
            "identifiers": .array([["id": .string(fields.code), "scheme": "CN-YQ-PROJECT"]]
                + (fields.nationalCode.map { [["id": .string($0), "scheme": "CN-TZXM"]] } ?? [])),
            "updated": .string(record.updatedAt.formatted(.iso8601)),
            "title": .string(fields.name),
            "description": .string(description(fields)),
            "status": .string(OpenDataCodes.status(fields.stage, started: fields.actualStart != nil)),
            "type": "construction",
            "sector": [.string(OpenDataCodes.sector(industry: fields.industry, name: fields.name, category: fields.category))],
            "budget": ["amount": money(fields.totalInvestment)],
            "locations": .array(locations(item)),
        ]
        if !fields.owner.isEmpty {
            parties.insert(["id": "owner", "name": .string(fields.owner), "roles": [.string(ownerRole)]], at: 0)
            if ownerRole == "publicAuthority" { project["publicAuthority"] = ["id": "owner", "name": .string(fields.owner)] }
        }
        project["parties"] = .array(parties)
        var period: [String: JSONValue] = [:]
        if let start = fields.plannedStart { period["startDate"] = .string(dateTime(start)) }
        if let end = fields.plannedCompletion { period["endDate"] = .string(dateTime(end)) }
        if !period.isEmpty { project["period"] = .object(period) }
        if fields.stage == .completed, let end = fields.actualCompletion {
            project["completion"] = ["endDate": .string(dateTime(end)), "finalValue": money(fields.totalInvestment)]
        }
        if !item.attachments.isEmpty { project["documents"] = .array(item.attachments.map { document($0, settings: settings) }) }
        return .object(project)
    }

    static func description(_ fields: ProjectFields) -> String {
        let owner = fields.owner.isEmpty ? "" : "\(fields.owner)实施的"
        return "\(owner)\(fields.category.chineseLabel)项目，总投资\(fields.totalInvestment)万元（项目建设年\(fields.major ? "重大" : "")项目）。"
    }

    /// The district, and the park when there is one.
    static func locations(_ item: OpenDataProject) -> [JSONValue] {
        let district: JSONValue = [
            "id": "district", "description": .string(item.districtName),
            "address": ["region": .string(item.districtName), "countryName": "中国"],
        ]
        guard let park = item.parkName else { return [district] }
        return [district, ["id": "park", "description": .string(park)]]
    }

    static func document(_ attachment: AttachmentRecord, settings: OpenDataSettings) -> JSONValue {
        var document: [String: JSONValue] = [
            "id": .string("attachment-\(attachment.id)"), "title": .string(attachment.filename),
            "url": .string("\(settings.baseURL)/api/v1/attachments/\(attachment.id)/content"),
            "format": .string(attachment.contentType.rawValue),
            "datePublished": .string(attachment.uploadedAt.formatted(.iso8601)),
        ]
        // Photos and scanned papers are both the evidence of a month's progress.
        document["documentType"] = "physicalProgressReport"
        return .object(document)
    }

    /// A date as the start of that day in county time.
    static func dateTime(_ date: CalendarDate) -> String { "\(date)T00:00:00+08:00" }
}
