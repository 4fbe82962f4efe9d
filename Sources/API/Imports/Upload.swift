import CLibCrypto
import Foundation
import Hummingbird
import Store

/// An uploaded spreadsheet: the request body itself (at most 20 MiB), its SHA-256 and the
/// file name given with `?filename=`.
struct Upload: Sendable {
    static let limit = 20 << 20
    let data: Data
    let record: ImportQueries.Upload

    static func read(_ request: Request) async throws -> Upload {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem(.contentTooLarge, .uploadTooLarge)
        }
        let data = Data(buffer: buffer)
        guard !data.isEmpty else {
            throw Problem(.unprocessableContent, .bodyEmpty)
        }
        let name = request.uri.queryParameters["filename"].map(String.init) ?? ""
        guard name.count <= 255, !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw Problem.invalid([.init(field: "filename", .fileName)])
        }
        return Upload(data: data, record: .init(fileName: name, sha256: sha256(data)))
    }

    /// The SHA-256 of `data` in lowercase hex (OpenSSL's EVP digest).
    static func sha256(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = data.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil)
        }
        precondition(done == 1 && length == 32, "SHA-256 failed")
        return digest.prefix(32).map { String(format: "%02x", $0) }.joined()
    }
}
