import Crypto
import Foundation
import Hummingbird
import Store

/// An uploaded spreadsheet: the request body itself or the one file of a `multipart/form-data`
/// body (`MultipartFile`), at most `BodyLimit.imports` and received whole before any database
/// connection is taken; its SHA-256 and the file name given with `?filename=` (else the
/// multipart file's own name).
struct Upload: Sendable {
    let data: Data
    let record: ImportQueries.Upload

    static func read(_ request: Request) async throws -> Upload {
        let form = try await MultipartFile.read(request, limit: BodyLimit.imports)
        let data: Data
        if let form {
            data = form.data
        } else {
            do {
                data = Data(buffer: try await request.body.collect(upTo: BodyLimit.imports))
            } catch let error as HTTPError where error.status == .contentTooLarge {
                throw BodyLimit.problem(BodyLimit.imports, code: .uploadTooLarge)
            }
        }
        guard !data.isEmpty else {
            throw Problem(.unprocessableContent, .bodyEmpty)
        }
        let name = request.uri.queryParameters["filename"].map(String.init) ?? form?.filename ?? ""
        guard name.count <= 255, !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw Problem.invalid([.init(field: "filename", .fileName)])
        }
        return Upload(data: data, record: .init(fileName: name, sha256: sha256(data)))
    }

    /// The SHA-256 of `data` in lowercase hex (swift-crypto, as attachments are hashed).
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
