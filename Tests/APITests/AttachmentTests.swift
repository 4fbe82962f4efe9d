import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Attachments (附件): streamed upload and download, types by content, limits, rights, history.
@Suite struct AttachmentTests {
    func upload(
        _ api: APIClient, token: String, project: Int, _ bytes: [UInt8], type: String, query: String = "filename=photo.png"
    ) async throws -> TestResponse {
        try await api.client.execute(
            uri: "/api/v1/projects/\(project)/attachments?\(query)", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes))
    }

    @Test func roundTripByteForByteWithItsHeaders() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let file = TestFiles.png(size: 700_000, seed: 3)
            let name = "现场照片 3月.png"
            let query = "month=2026-03&filename=" + name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let created = try await upload(api, token: token, project: project, file, type: "image/png", query: query)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let record = created.object
            #expect(record["filename"] as? String == name && record["month"] as? String == "2026-03")
            #expect(record["size"] as? Int == file.count && record["content_type"] as? String == "image/png")
            #expect(record["taken_at"] is NSNull && record["latitude"] is NSNull)
            let id = try #require(record["id"] as? Int)
            let sha = try #require(record["sha256"] as? String)
            // the recorded hash is PostgreSQL's hash of the stored pieces, in order
            let stored: String = try api.database.connect().query("""
                SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY seq)), 'hex') AS h, count(*) AS n
                  FROM app.attachment_chunks WHERE attachment_id = \(Int64(id))
                """)[0].decode("h")
            #expect(stored == sha)
            let content = try await api.request(.get, "/api/v1/attachments/\(id)/content", token: token)
            #expect(content.status == .ok)
            #expect(Array(content.body.readableBytesView) == file)
            #expect(content.headers[.eTag] == "\"\(sha)\"")
            #expect(content.headers[.contentType] == "image/png")
            #expect(content.headers[.xContentTypeOptions] == "nosniff")
            #expect(content.headers[.contentSecurityPolicy] == "sandbox")
            #expect(content.headers[.contentDisposition]
                == "attachment; filename=\"____ 3_.png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%203%E6%9C%88.png")
            let cached = try await api.request(.get, "/api/v1/attachments/\(id)/content", token: token, headers: [.ifNoneMatch: "\"\(sha)\""])
            #expect(cached.status == .notModified && cached.body.readableBytes == 0)
            let list = try await api.request(.get, "/api/v1/projects/\(project)/attachments", token: token)
            #expect(list.items.map { $0["id"] as? Int } == [id] && list.object["total"] as? Int == 1)
            // the same file again is stored once: 200 with the stored attachment
            let again = try await upload(api, token: token, project: project, file, type: "image/png", query: "filename=again.png")
            #expect(again.status == .ok && again.object["id"] as? Int == id && again.object["filename"] as? String == name)
            let pieces: Int = try api.database.connect().query("SELECT count(*)::int AS n FROM app.attachment_chunks")[0].decode("n")
            #expect(pieces == 3)
        }
    }

    /// The list pages with `limit` and `offset`, oldest first; `total` counts them all.
    @Test func theListPagesOldestFirst() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            var ids: [Int] = []
            for seed in UInt8(1)...5 {
                let created = try await upload(api, token: token, project: project, TestFiles.pdf(size: 1000, seed: seed), type: "application/pdf",
                                               query: "filename=scan-\(seed).pdf")
                ids.append(try #require(created.object["id"] as? Int))
            }
            let path = "/api/v1/projects/\(project)/attachments"
            let first = try await api.request(.get, path + "?limit=2", token: token)
            #expect(first.items.compactMap { $0["id"] as? Int } == Array(ids[0..<2]))
            #expect(first.object["total"] as? Int == 5 && first.object["limit"] as? Int == 2 && first.object["offset"] as? Int == 0)
            let last = try await api.request(.get, path + "?limit=2&offset=4", token: token)
            #expect(last.items.compactMap { $0["filename"] as? String } == ["scan-5.pdf"] && last.object["offset"] as? Int == 4)
            let beyond = try await api.request(.get, path + "?offset=9", token: token)
            #expect(beyond.status == .ok && beyond.items.isEmpty && beyond.object["total"] as? Int == 5)
            let bad = try await api.request(.get, path + "?limit=501&offset=-1", token: token)
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["limit", "offset"], "\(bad.errorFields)")
        }
    }

    @Test func theTypeIsTheContentsAndMustMatch() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let png = TestFiles.png(size: 1000)
            #expect(try await upload(api, token: token, project: project, png, type: "image/jpeg").status == .unsupportedMediaType)
            #expect(try await upload(api, token: token, project: project, Array("hello".utf8), type: "application/pdf").status == .unsupportedMediaType)
            #expect(try await upload(api, token: token, project: project, png, type: "text/plain").status == .unsupportedMediaType)
            let webp = Array("RIFF".utf8) + [0x10, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [UInt8](repeating: 1, count: 20)
            #expect(try await upload(api, token: token, project: project, webp, type: "image/webp").status == .created)
            #expect(try await upload(api, token: token, project: project, TestFiles.pdf(size: 500), type: "application/pdf; charset=binary").status == .created)
            let empty = try await upload(api, token: token, project: project, [], type: "image/png")
            #expect(empty.status == .unprocessableContent && empty.errorFields == ["body"])
            let noName = try await upload(api, token: token, project: project, png, type: "image/png", query: "month=2026-13")
            #expect(Set(noName.errorFields) == ["month", "filename"])
            let pieces: Int = try api.database.connect().query("SELECT count(*)::int AS n FROM app.attachments")[0].decode("n")
            #expect(pieces == 2)
        }
    }

    @Test func overTenMiBIs413() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let big = TestFiles.pdf(size: (10 << 20) + 1)
            let response = try await upload(api, token: token, project: project, big, type: "application/pdf")
            #expect(response.status == .contentTooLarge)
            #expect(try await upload(api, token: token, project: project, Array(big.prefix(10 << 20)), type: "application/pdf").status == .created)
        }
    }

    /// A raw client declares 100 MiB and waits: the answer comes before it sends a byte of the body.
    @Test func aDeclaredOversizeIsRefusedBeforeTheBodyIsSent() async throws {
        try await APIHarness.run(live: true) { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let port = try #require(api.client.port)
            let head = "POST /api/v1/projects/\(project)/attachments?filename=big.pdf HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer \(token)\r\nContent-Type: application/pdf\r\nContent-Length: \(100 << 20)\r\n\r\n"
            let answer = try await RawHTTP.exchange(port: port, send: Array(head.utf8), timeout: 10)
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
        }
    }

    @Test func quotaAnswers413WithTheSpaceLeft() async throws {
        try await APIHarness.run(configure: { $0.attachmentQuota = 1 << 20 }) { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            #expect(try await upload(api, token: token, project: project, TestFiles.png(size: 700_000, seed: 1), type: "image/png").status == .created)
            let over = try await upload(api, token: token, project: project, TestFiles.png(size: 400_000, seed: 2), type: "image/png")
            #expect(over.status == .contentTooLarge)
            #expect(over.object["remaining_bytes"] as? Int == (1 << 20) - 700_000)
            #expect(try await upload(api, token: token, project: project, TestFiles.png(size: 300_000, seed: 2), type: "image/png").status == .created)
            // another project has its own quota
            let other = try await api.createProject(token: token, code: "P-002")
            #expect(try await upload(api, token: token, project: other, TestFiles.png(size: 400_000, seed: 2), type: "image/png").status == .created)
        }
    }

    @Test func rightsAreThoseOfTheMonthlyReports() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            let file = TestFiles.pdf(size: 2000)
            let created = try await upload(api, token: d1, project: project, file, type: "application/pdf")
            let id = try #require(created.object["id"] as? Int)
            // another district: not found, for every route
            let d2 = try await api.signIn(api.fixture.district2, "editor")
            #expect(try await upload(api, token: d2, project: project, file, type: "application/pdf").status == .notFound)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/attachments", token: d2).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/attachments/\(id)/content", token: d2).status == .notFound)
            #expect(try await api.request(.delete, "/api/v1/attachments/\(id)", token: d2, headers: ifMatch(1)).status == .notFound)
            // a viewer writes nothing; the lead department reads but does not write
            let viewer = try await api.signIn(api.fixture.district1, "viewer")
            #expect(try await upload(api, token: viewer, project: project, TestFiles.pdf(size: 10, seed: 9), type: "application/pdf").status == .forbidden)
            #expect(try await api.request(.get, "/api/v1/attachments/\(id)/content", token: viewer).status == .ok)
            let lead = try await api.signIn(api.fixture.industry, "editor")
            #expect(try await api.request(.get, "/api/v1/attachments/\(id)/content", token: lead).status == .ok)
            #expect(try await upload(api, token: lead, project: project, TestFiles.pdf(size: 10, seed: 9), type: "application/pdf").status == .forbidden)
            #expect(try await api.request(.delete, "/api/v1/attachments/\(id)", token: lead, headers: ifMatch(1)).status == .forbidden)
            // the county writes anywhere
            let county = try await api.signIn(api.fixture.county, "editor")
            #expect(try await upload(api, token: county, project: project, TestFiles.pdf(size: 10, seed: 9), type: "application/pdf").status == .created)
        }
    }

    @Test func deleteNeedsTheCurrentVersionAndLeavesHistory() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let id = try #require(try await upload(api, token: token, project: project, TestFiles.pdf(size: 300_000), type: "application/pdf")
                .object["id"] as? Int)
            #expect(try await api.request(.delete, "/api/v1/attachments/\(id)", token: token).status == .preconditionRequired)
            let stale = try await api.request(.delete, "/api/v1/attachments/\(id)", token: token, headers: ifMatch(2))
            #expect(stale.status == .preconditionFailed && stale.object["current_version"] as? Int == 1)
            #expect(try await api.request(.delete, "/api/v1/attachments/\(id)", token: token, headers: ifMatch(1)).status == .noContent)
            #expect(try await api.request(.get, "/api/v1/attachments/\(id)/content", token: token).status == .notFound)
            let pieces: Int = try api.database.connect().query("SELECT count(*)::int AS n FROM app.attachment_chunks")[0].decode("n")
            #expect(pieces == 0)
            let history = try await api.request(.get, "/api/v1/projects/\(project)/history", token: token).items
            let actions = history.filter { $0["table"] as? String == "attachments" }.compactMap { $0["action"] as? String }
            #expect(actions == ["delete", "insert"])
        }
    }

    @Test func aPhotoKeepsItsCaptureTimeAndPosition() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let photo = TestFiles.jpeg(bigEndian: true, taken: "2026:03:14 09:30:05", latitude: ExifTests.north, longitude: ExifTests.east)
            let created = try await upload(api, token: token, project: project, photo, type: "image/jpeg", query: "filename=site.jpg&month=2026-03")
            #expect(created.status == .created)
            #expect(created.object["taken_at"] as? String == "2026-03-14T01:30:05Z")
            #expect((created.object["latitude"] as? NSNumber)?.decimalValue == Decimal(string: "27.229167"))
            #expect((created.object["longitude"] as? NSNumber)?.decimalValue == Decimal(string: "107.875"))
            // nothing is stripped from the stored file
            let id = try #require(created.object["id"] as? Int)
            let content = try await api.request(.get, "/api/v1/attachments/\(id)/content", token: token)
            #expect(Array(content.body.readableBytesView) == photo)
        }
    }
}
