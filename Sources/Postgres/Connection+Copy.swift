import CLibPQ

extension Connection {
    /// Streams rows into `COPY … FROM STDIN` (text format). `produce` calls its argument once per
    /// line (without the newline); lines are buffered and sent in large chunks. Returns rows copied.
    @discardableResult
    public func copyIn(_ sql: String, produce: ((String) throws -> Void) throws -> Void) throws -> Int {
        try state.withLock { state in
            let handle = try state.openHandle()
            try Connection.leavePipeline(&state, handle)
            _ = try Connection.check(PQexec(handle, sql), handle: handle)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 17)
            func flush() throws {
                guard !buffer.isEmpty else { return }
                let sent = buffer.withUnsafeBufferPointer { pointer in
                    pointer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
                }
                guard sent == 1 else { throw Connection.failure(handle, result: nil) }
                buffer.removeAll(keepingCapacity: true)
            }
            do {
                try produce { line in
                    buffer.append(contentsOf: line.utf8)
                    buffer.append(UInt8(ascii: "\n"))
                    if buffer.count >= 1 << 16 { try flush() }
                }
                try flush()
            } catch {
                _ = PQputCopyEnd(handle, "aborted by client")
                while let result = PQgetResult(handle) { PQclear(result) }
                throw error
            }
            guard PQputCopyEnd(handle, nil) == 1 else { throw Connection.failure(handle, result: nil) }
            var copied = 0
            var firstError: (any Error)?
            while let result = PQgetResult(handle) {
                do { copied += try Connection.check(result, handle: handle).affectedRows } catch {
                    if firstError == nil { firstError = error }
                }
            }
            if let firstError { throw firstError }
            return copied
        }
    }
}

extension String {
    /// The value escaped for COPY's text format (`\N` stands for NULL).
    public static func copyField(_ value: String?) -> String {
        guard let value else { return "\\N" }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
