import CLibPQ

extension Connection {
    /// Runs a query whose first column is `bytea` and returns that column of the first row as
    /// raw bytes, read in binary format (no hex text to decode); nil when there is no row or the
    /// value is NULL. Bind `bytea` parameters with `\(binary: bytes)`.
    public func bytes(_ query: Query) throws -> [UInt8]? {
        try state.withLock { state in
            let handle = try state.openHandle()
            state.statementsSinceCheckout += 1
            let rows = try Connection.runPipeline([query], state: &state, handle: handle, resultFormat: 1)[0]
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
