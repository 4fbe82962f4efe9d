import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension OpenAPIResourceSampleTests {
    /// Attachments: a file body in, JSON out; the content route answers the file itself, whose
    /// media type and body the document lists.
    func sampleEvidence(_ docs: DocumentedResponses, _ api: APIClient, projectID: Int, district: String) async throws {
        let file = TestFiles.pdf(size: 1000)
        let path = "/api/v1/projects/\(projectID)/attachments"
        let uploaded = try await api.client.execute(
            uri: path + "?filename=批复.pdf".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!, method: .post,
            headers: [.authorization: "Bearer \(district)", .contentType: "application/pdf"], body: ByteBuffer(bytes: file))
        #expect(uploaded.status == .created)
        let id = try #require(uploaded.object["id"] as? Int)
        let schema = try #require(docs.responseSchema("POST /api/v1/projects/{id}/attachments", status: 201))
        #expect(docs.validator.errors(try JSONDecoder().decode(JSONValue.self, from: Data(buffer: uploaded.body)), schema).isEmpty)
        let upload = docs.operation("POST /api/v1/projects/{id}/attachments")
        #expect(upload?.contains("\"application/pdf\"") == true, "the upload documents its file types")
        docs.sampled.insert("POST /api/v1/projects/{id}/attachments")
        try await docs.call(api, .get, path, token: district, .ok)
        let content = try await api.request(.get, "/api/v1/attachments/\(id)/content", token: district)
        #expect(content.status == .ok && Array(content.body.readableBytesView) == file)
        #expect(docs.operation("GET /api/v1/attachments/{id}/content")?.contains("\"application/pdf\"") == true)
        docs.sampled.insert("GET /api/v1/attachments/{id}/content")
        let package = try await docs.call(api, .get, "/api/v1/oc4ids?major=true", token: district, .ok)
        #expect((package.object["projects"] as? [Any])?.isEmpty == false)
        try await docs.call(api, .delete, "/api/v1/attachments/\(id)", token: district, headers: ifMatch(2), .preconditionFailed)
        try await docs.call(api, .delete, "/api/v1/attachments/\(id)", token: district, headers: ifMatch(1), .noContent)
    }
}

extension OpenAPIResourceSampleTests.DocumentedResponses {
    /// The operation `METHOD /path` as JSON text, to look for what it documents.
    func operation(_ name: String) -> String? {
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        guard case .object(let item)? = paths[parts[1]], let operation = item[parts[0].lowercased()] else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(operation)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The JSON schema documented for `status` of the operation.
    func responseSchema(_ name: String, status: Int) -> JSONValue? {
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        guard case .object(let item)? = paths[parts[1]], case .object(let operation)? = item[parts[0].lowercased()],
              case .object(let responses)? = operation["responses"], case .object(let answer)? = responses[String(status)],
              case .object(let content)? = answer["content"], case .object(let media)? = content["application/json"] else { return nil }
        return media["schema"]
    }
}
