import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Turns a `PGresult` into a `ResultSet`, or into an error when the statement failed.
    static func check(_ result: OpaquePointer?, handle: OpaquePointer) throws -> ResultSet {
        guard let result else { throw failure(handle, result: nil) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return ResultSet(handle: result)
        default:
            let error = failure(handle, result: result)
            PQclear(result)
            throw error
        }
    }

    static func failure(_ handle: OpaquePointer, result: OpaquePointer?) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        if PQstatus(handle) != CONNECTION_OK || sqlState == SQLState.adminShutdown {
            return PostgresError(.connectionLost, reason: "the connection to the database was lost", sqlState: sqlState)
        }
        guard sqlState != nil else {
            return PostgresError(.connectionLost, reason: lastError(handle))
        }
        return PostgresError(
            .server, reason: "the database rejected the statement", sqlState: sqlState,
            constraint: field("n"), table: field("t"), column: field("c"), serverMessage: field("M")
        )
    }

    static func lastError(_ handle: OpaquePointer) -> String {
        let message = String(cString: PQerrorMessage(handle))
        return message.split(separator: "\n").first.map(String.init) ?? "unknown libpq error"
    }
}

/// Calls `body` with the parameters of `query` as libpq takes them: values (NULL pointers for
/// nil), lengths and formats (1 for the binary ones), all alive for the call.
func withParameters<T>(
    _ query: Query, _ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) throws -> T
) rethrows -> T {
    var lengths = [Int32](repeating: 0, count: query.binds.count)
    var formats = [Int32](repeating: 0, count: query.binds.count)
    let pointers: [UnsafeMutablePointer<CChar>?] = query.binds.enumerated().map { index, value in
        guard let bytes = query.binaryBinds[index] else { return value.map { strdup($0)! } }
        let copy = malloc(max(1, bytes.count))!
        bytes.withUnsafeBytes { raw in if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: raw.count) } }
        lengths[index] = Int32(bytes.count)
        formats[index] = 1
        return copy.assumingMemoryBound(to: CChar.self)
    }
    defer { pointers.forEach { free($0) } }
    return try body(pointers.map { UnsafePointer($0) }, lengths, formats)
}
