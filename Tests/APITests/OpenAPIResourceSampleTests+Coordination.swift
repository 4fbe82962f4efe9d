import API
import Foundation
import HTTPTypes
import Testing

extension OpenAPIResourceSampleTests {
    /// The coordination loop: service responsibility, a meeting from preparation to its minutes,
    /// a bulletin from draft to issue.
    func sampleCoordination(_ docs: DocumentedResponses, _ api: APIClient, projectID: Int, county: String, department: String) async throws {
        let me = try await api.request(.get, "/api/v1/me", token: county).object
        let leader = try #require(me["id"] as? Int)
        let service = "/api/v1/projects/\(projectID)/service"
        try await docs.call(api, .get, service, token: county, .ok)
        try await docs.call(api, .put, service, token: county, json: ["leader_user_id": leader, "commissioner_user_id": nil as Int?], .created)
        try await docs.call(api, .put, service, token: county, json: ["leader_user_id": nil as Int?, "commissioner_user_id": nil as Int?],
                            headers: ifMatch(1), .ok)
        try await docs.call(api, .put, service, token: county, json: ["leader_user_id": 0, "commissioner_user_id": nil as Int?],
                            headers: ifMatch(2), .unprocessableContent)
        try await docs.call(api, .get, "/api/v1/service/mine", token: county, .ok)

        let meeting = try await docs.call(api, .post, "/api/v1/meetings", token: county, json: [
            "kind": "special", "title": "专题调度会", "date": "2026-03-02", "chair": "常务副县长", "agency_ids": [api.fixture.drc.id],
        ], .created)
        let meetingID = try #require(meeting.object["id"] as? Int)
        try await docs.call(api, .get, "/api/v1/meetings", token: department, .ok)
        try await docs.call(api, .get, "/api/v1/meetings/\(meetingID)", token: department, .ok)
        let item = try await docs.call(api, .post, "/api/v1/meetings/\(meetingID)/items", token: county, json: [
            "summary": "协调施工用电", "subject": ["type": "project", "id": projectID],
        ], .created)
        let itemID = try #require(item.object["id"] as? Int)
        try await docs.call(api, .put, "/api/v1/meetings/\(meetingID)/items/\(itemID)/decision", token: county, json: [
            "text": "县发改局牵头协调", "agency_id": api.fixture.drc.id, "due_date": "2026-03-31",
        ], .created)
        try await docs.call(api, .get, "/api/v1/meetings/\(meetingID)/minutes?format=docx", token: county, .ok)
        try await docs.call(api, .post, "/api/v1/meetings/\(meetingID)/close", token: county, headers: ifMatch(1), .ok)
        try await docs.call(api, .post, "/api/v1/meetings/\(meetingID)/close", token: county, headers: ifMatch(2), .conflict)

        let bulletin = try await docs.call(api, .post, "/api/v1/bulletins", token: county, json: ["kind": "monthly", "month": "2025-11"], .created)
        let bulletinID = try #require(bulletin.object["id"] as? Int)
        try await docs.call(api, .patch, "/api/v1/bulletins/\(bulletinID)", token: county, json: ["lead_text": "导语"],
                            headers: ifMatch(1), .ok)
        try await docs.call(api, .post, "/api/v1/bulletins/\(bulletinID)/issue", token: county, headers: ifMatch(2), .ok)
        try await docs.call(api, .get, "/api/v1/bulletins", token: department, .ok)
        try await docs.call(api, .get, "/api/v1/bulletins/\(bulletinID)", token: department, .ok)
        try await docs.call(api, .patch, "/api/v1/bulletins/\(bulletinID)", token: county, json: ["lead_text": "改"],
                            headers: ifMatch(3), .conflict)
    }
}
