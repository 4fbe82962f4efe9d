extension Connection {
    /// Runs `query` through a server-side cursor and hands its rows to `body` one batch at a time,
    /// so a result of any size is never held whole (downloads of every row of a list). Must run
    /// inside a transaction; the cursor is closed when done.
    public func forEachBatch(of query: Query, batchSize: Int = 1000, _ body: (ResultSet) throws -> Void) throws {
        var declare: Query = "DECLARE py_batches NO SCROLL CURSOR FOR "
        declare.append(query)
        try execute(declare)
        let fetch = Query(sql: "FETCH FORWARD \(max(1, batchSize)) FROM py_batches")
        while true {
            let batch = try self.query(fetch)
            if batch.count > 0 { try body(batch) }
            if batch.count < batchSize { break }
        }
        try execute("CLOSE py_batches")
    }
}
