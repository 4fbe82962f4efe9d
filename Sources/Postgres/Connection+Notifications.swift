import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// A message delivered by `NOTIFY`.
public struct Notification: Sendable, Equatable {
    public var channel: String
    public var payload: String

    public init(channel: String, payload: String) {
        self.channel = channel
        self.payload = payload
    }
}

extension Connection {
    /// Subscribes this connection to a channel (`LISTEN`).
    public func listen(_ channel: String) throws {
        try simpleQuery("LISTEN \(try escapeIdentifier(channel))")
    }

    /// Waits up to `timeout` for notifications and returns those that arrived (possibly none).
    public func waitForNotifications(timeout: Duration) throws -> [Notification] {
        try state.withLock { state in
            guard let handle = state.handle else {
                throw PostgresError(.connectionLost, reason: "connection was closed")
            }
            var delivered = Connection.drainNotifications(handle)
            if !delivered.isEmpty { return delivered }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&descriptor, 1, milliseconds) >= 0 else { return [] }
            guard PQconsumeInput(handle) == 1 else { throw Connection.failure(handle, result: nil) }
            delivered = Connection.drainNotifications(handle)
            return delivered
        }
    }

    private static func drainNotifications(_ handle: OpaquePointer) -> [Notification] {
        var delivered: [Notification] = []
        while let notify = PQnotifies(handle) {
            delivered.append(Notification(
                channel: String(cString: notify.pointee.relname),
                payload: String(cString: notify.pointee.extra)
            ))
            PQfreemem(notify)
        }
        return delivered
    }

    /// Quotes an SQL identifier (a role or channel name) with libpq's rules.
    public func escapeIdentifier(_ identifier: String) throws -> String {
        try state.withLock { state in
            guard let handle = state.handle, let quoted = PQescapeIdentifier(handle, identifier, identifier.utf8.count) else {
                throw PostgresError(.decoding, reason: "identifier could not be quoted")
            }
            defer { PQfreemem(quoted) }
            return String(cString: quoted)
        }
    }

    /// Hashes a password for `CREATE ROLE … PASSWORD` on the client (SCRAM), so the plain
    /// password never reaches the server or its logs.
    public func encryptPassword(_ password: String, role: String) throws -> String {
        try state.withLock { state in
            let handle = try state.openHandle()
            // libpq asks the server for password_encryption with PQexec, outside pipeline mode.
            try Connection.leavePipeline(&state, handle)
            guard let hashed = PQencryptPasswordConn(handle, password, role, nil) else {
                throw PostgresError(.server, reason: "password could not be hashed")
            }
            defer { PQfreemem(hashed) }
            return String(cString: hashed)
        }
    }
}
