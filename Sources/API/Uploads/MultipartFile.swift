import Campaign
import Foundation
import Hummingbird

/// The one file of a `multipart/form-data` body (RFC 7578) — what a browser form or
/// `curl -F file=@月报.xlsx` sends — as a pure transformation of the received bytes: the file's
/// bytes, its name and its declared type. Other (non-file) fields are ignored.
struct MultipartFile: Sendable {
    var data: Data
    var filename: String
    var contentType: String?

    /// The boundary of a `multipart/form-data` Content-Type; nil for any other type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, MediaTypeEssence(contentType).is("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return ""
    }

    /// The file of a `multipart/form-data` request (its body read whole, at most `limit` bytes
    /// of file plus 64 KiB of form); nil for any other content type.
    static func read(_ request: Request, limit: Int) async throws -> MultipartFile? {
        guard let boundary = boundary(contentType: request.headers[.contentType]) else { return nil }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit + BodyLimit.form)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw BodyLimit.problem(limit, code: .uploadTooLarge)
        }
        do throws(Failure) {
            return try parse(Data(buffer: buffer), boundary: boundary)
        } catch {
            throw Problem(.unprocessableContent, error.code, error.arguments)
        }
    }

    /// What is wrong with a multipart body: a catalogue code whose words say what to send instead.
    struct Failure: Error {
        var code: MessageCode
        var arguments: [String: String] = [:]
    }

    /// The single file part of `body`.
    static func parse(_ body: Data, boundary: String) throws(Failure) -> MultipartFile {
        guard !boundary.isEmpty else { throw Failure(code: .multipartNoBoundary) }
        let delimiter = Data("--\(boundary)".utf8)
        var files: [MultipartFile] = []
        var searchFrom = body.startIndex
        guard var start = body.range(of: delimiter, in: searchFrom..<body.endIndex)?.upperBound else {
            throw Failure(code: .multipartMalformed)
        }
        while true {
            // `--` after a delimiter closes the body.
            if body[start...].starts(with: Data("--".utf8)) { break }
            searchFrom = start
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: searchFrom..<body.endIndex) else {
                throw Failure(code: .multipartIncomplete)
            }
            let part = body[start..<next.lowerBound].drop { $0 == 0x0D || $0 == 0x0A }
            if let file = try Self.file(in: Data(part)) { files.append(file) }
            start = next.upperBound
        }
        guard files.count == 1, let file = files.first else {
            throw files.isEmpty ? Failure(code: .multipartNoFile) : Failure(code: .multipartManyFiles, arguments: ["count": "\(files.count)"])
        }
        return file
    }

    /// The file in one part, nil for a plain form field.
    private static func file(in part: Data) throws(Failure) -> MultipartFile? {
        guard let end = part.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(code: .multipartMalformed) }
        let head = String(decoding: part[part.startIndex..<end.lowerBound], as: UTF8.self)
        var disposition = ""
        var type: String?
        for line in head.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces() }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "content-disposition": disposition = pair[1]
            case "content-type": type = pair[1]
            default: break
            }
        }
        guard let name = filename(disposition) else { return nil }
        return MultipartFile(data: Data(part[end.upperBound...]), filename: name, contentType: type)
    }

    /// `filename*=UTF-8''…` (RFC 8187) or `filename="…"` (browsers send UTF-8 as it is).
    static func filename(_ disposition: String) -> String? {
        var plain: String?
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "filename*":
                let value = pair[1]
                if let quote = value.range(of: "''"), let decoded = value[quote.upperBound...].removingPercentEncoding { return decoded }
            case "filename":
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                plain = value.replacingOccurrences(of: "\\\"", with: "\"")
            default: break
            }
        }
        return plain
    }
}
