import Campaign
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import Store

/// `/notifications`: the caller's agency's notifications (提醒与督办), read state per user, and
/// `/notifications/stream`, the same notifications as server-sent events as they are created.
struct NotificationController: APIController {
    let database: Database
    let hub: NotificationHub
    /// Rows a stream reads per query while catching up.
    static let batch = 200

    var routes: [APIRoute] {
        [
            APIRoute(.get, "notifications", .signedIn, "The caller's agency's notifications, newest first (unread=true: unread only)", list)
                .documented(response: .page(of: .ref("Notification")))
                .query(.init("unread", .boolean, "true: only those the caller has not read")),
            APIRoute(.post, "notifications/:id/read", .signedIn, "Mark a notification read (for the caller)", read)
                .documented(response: nil, status: 204),
            APIRoute(.post, "notifications/read-all", .signedIn, "Mark every notification read (for the caller)", readAll)
                .documented(response: nil, status: 204),
            APIRoute(.get, "notifications/stream", .signedIn,
                     "Server-sent events: each new notification of the caller's agency (id: its id; Last-Event-ID resumes)", stream)
                .documented(response: .text, mediaType: "text/event-stream"),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let unread = query.bool("unread")
        try query.check()
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        return try await ListPage.response(paging, context: context, database: database) {
            try NotificationQueries.list(unread: unread ?? false, limit: paging.limit, offset: paging.offset, language: language, on: $0)
        }
    }

    @Sendable func read(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        guard try await database.transaction(as: context.caller, { try NotificationQueries.markRead(id: id, on: $0) }) else {
            throw Problem.notFound("notification \(id)")
        }
        return Response(status: .noContent)
    }

    @Sendable func readAll(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await database.transaction(as: context.caller) { try NotificationQueries.markAllRead(on: $0) }
        return Response(status: .noContent)
    }

    /// `text/event-stream`. Starts after `Last-Event-ID` (or, without one, after the newest
    /// notification now), catches up from the table, then sends what each wake-up of the hub
    /// finds, and a `: ping` comment at every heartbeat. Every read runs as the caller. Ends when
    /// its session does (signed out, expired, user deactivated or password changed).
    @Sendable func stream(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let caller = context.caller
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        var resumeFrom: Int64?
        if let text = request.headers[.lastEventID] {
            guard let id = Int64(text.trimmingSpaces()), id >= 0 else {
                throw Problem(.badRequest, .lastEventID)
            }
            resumeFrom = id
        }
        let token = context.identity.token
        let subscription = hub.subscribe(agency: caller.agencyID, user: context.identity.user.id)
        let database = database
        let start: Int64
        let expiry: Date
        do {
            guard let expires = try await database.pool.withConnection({ try SessionQueries.expiry(token: token, on: $0) }) else {
                throw Problem(.unauthorized, .tokenExpired)
            }
            expiry = expires
            if let resumeFrom {
                start = resumeFrom
            } else {
                start = try await database.transaction(as: caller) { try NotificationQueries.latestID(on: $0) }
            }
        } catch {
            subscription.cancel()
            throw error
        }
        let body = ResponseBody { writer in
            defer { subscription.cancel() }
            // The stream ends with its session: when it expires, and when it was signed out or its
            // user changed (the hub's `sessionChanged`, checked against the primary).
            let expiring = Task {
                try await Task.sleep(for: .seconds(max(0, expiry.timeIntervalSinceNow)))
                subscription.cancel()
            }
            defer { expiring.cancel() }
            var last = start
            try await writer.write(ByteBuffer(string: ": connected\nretry: 3000\n\n"))
            func catchUp() async throws {
                while true {
                    let after = last
                    let items = try await database.transaction(as: caller) {
                        try NotificationQueries.after(id: after, limit: Self.batch, language: language, on: $0)
                    }
                    for item in items {
                        var event = ByteBuffer(string: "id: \(item.id)\nevent: notification\ndata: ")
                        event.writeImmutableBuffer(try JSONStreamEncoder.encode(item))
                        event.writeString("\n\n")
                        try await writer.write(event)
                        last = item.id
                    }
                    if items.count < Self.batch { return }
                }
            }
            try await catchUp()
            // A stream never ends by itself: on the server's graceful shutdown it is closed, so
            // that shutdown does not wait for it (the client reconnects with Last-Event-ID).
            try await withGracefulShutdownHandler {
                signals: for await signal in subscription.signals {
                    switch signal {
                    case .wake: try await catchUp()
                    case .heartbeat: try await writer.write(ByteBuffer(string: ": ping\n\n"))
                    case .sessionChanged:
                        let alive = try await database.pool.withConnection { try SessionQueries.expiry(token: token, on: $0) } != nil
                        if !alive { break signals }
                    }
                }
            } onGracefulShutdown: {
                subscription.cancel()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: body)
    }
}

extension HTTPField.Name {
    /// `Last-Event-ID`: where a reconnecting event stream resumes.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
