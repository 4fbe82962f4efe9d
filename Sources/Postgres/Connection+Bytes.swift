import CLibPQ

extension Connection {
    /// Runs a query whose first column is `bytea` and returns that column of the first row as
    /// raw bytes, read in binary format (no hex text to decode); nil when there is no row or the
    /// value is NULL. Bind `bytea` parameters with `\(binary: bytes)`.
    public func bytes(_ query: Query) throws -> [UInt8]? {
        try state.withLock { state in
            guard let handle = state.handle else {
                throw PostgresError(.connectionLost, reason: "connection was closed")
            }
            state.statementsSinceCheckout += 1
            let result = try Connection.run(query, on: handle, prepared: &state.prepared, resultFormat: 1)
            let rows = try Connection.check(result, handle: handle)
            return rows.rawValue(row: 0, column: 0)
        }
    }
}

extension ResultSet {
    /// The bytes of one value as the server sent them, nil for NULL or a missing row.
    func rawValue(row: Int32, column: Int32) -> [UInt8]? {
        guard Int(row) < count, PQgetisnull(handle, row, column) == 0, let value = PQgetvalue(handle, row, column) else { return nil }
        let length = Int(PQgetlength(handle, row, column))
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
