import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with the server's limits: at most `maxConnections` served at
/// once (further connections are answered 503 and closed, so descriptors never run out and a
/// fresh `/health/live` works again as soon as connections close), and the slow-client deadlines
/// of `SlowClientGuard`.
struct GuardedHTTP1Channel: ServerChildChannel {
    /// A connection served as HTTP, or one refused with a 503.
    enum Value: ServerChildChannelValue {
        case served(HTTP1Channel.Value)
        case refused(any Channel)

        var channel: any Channel {
            switch self {
            case .served(let value): value.channel
            case .refused(let channel): channel
            }
        }
    }

    let http: HTTP1Channel
    let limits: ServerLimits
    let open: OpenConnections

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ServerLimits) {
        self.http = HTTP1Channel(responder: responder, configuration: .init(additionalChannelHandlers: [RequestProgressHandler()]))
        self.limits = limits
        self.open = OpenConnections(limit: limits.maxConnections)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard open.admit() else {
            logger.warning("connection refused: \(limits.maxConnections) connections are open (http.max_connections)")
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(RefusedConnectionHandler())
                return .refused(channel)
            }
        }
        channel.closeFuture.whenComplete { [open] _ in open.release() }
        do {
            try channel.pipeline.syncOperations.addHandler(SlowClientGuard(limits: limits, logger: logger), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http.setup(channel: channel, logger: logger).map { .served($0) }
    }

    func handle(value: Value, logger: Logger) async {
        switch value {
        case .served(let value): await http.handle(value: value, logger: logger)
        case .refused(let channel): try? await channel.closeFuture.get()
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the server's connection cap and slow-client deadlines.
    static func guardedHTTP1(_ limits: ServerLimits) -> HTTPServerBuilder {
        .init { responder in GuardedHTTP1Channel(responder: responder, limits: limits) }
    }
}
