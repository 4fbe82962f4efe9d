import Hummingbird
import Store

extension JSONResponse {
    /// A resource PostgreSQL wrote as JSON (`StoredJSON`), sent as it is, with `ETag` when it has a
    /// version and a `Location` for a created one.
    static func stored(_ stored: StoredJSON, status: HTTPResponse.Status = .ok, location: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let version = stored.version { headers[.eTag] = "\"\(version)\"" }
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: stored.text)))
    }
}
