import Logging
import NIOCore

/// Closes a connection whose client is too slow, first in the pipeline so that it sees every byte:
/// a request head must be complete `headerTimeout` after its first byte, its body `bodyTimeout`
/// after the head, and a kept-alive connection with no request may stay idle `idleTimeout`.
/// While the server itself is answering nothing times out. `RequestProgressHandler` (after the
/// HTTP decoder) reports heads, ends and written responses.
final class SlowClientGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let limits: ServerLimits
    private let logger: Logger
    private var context: ChannelHandlerContext?
    private var timer: Scheduled<Void>?
    private var heads = 0, ends = 0, responses = 0
    /// When the current request head was complete, when unanswered bytes began, when the
    /// connection last fell quiet (opened, or answered everything).
    private var headAt = NIODeadline.now(), bytesSince: NIODeadline?, quietSince = NIODeadline.now()

    init(limits: ServerLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { rearm() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        quietSince = .now()
        rearm()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if heads == ends, bytesSince == nil {
            bytesSince = .now()
            rearm()
        }
        context.fireChannelRead(data)
    }

    func headReceived() {
        heads += 1
        headAt = .now()
        bytesSince = nil
        rearm()
    }

    func requestEnded() {
        ends += 1
        rearm()
    }

    func responseEnded() {
        responses += 1
        quietSince = .now()
        rearm()
    }

    /// Schedules the one deadline that applies now.
    private func rearm() {
        timer?.cancel()
        timer = nil
        guard let context else { return }
        let deadline: (NIODeadline, String)
        if heads > ends {
            deadline = (headAt + .init(limits.bodyTimeout), "body")
        } else if responses < heads {
            return
        } else if let bytesSince {
            deadline = (bytesSince + .init(limits.headerTimeout), "header")
        } else {
            deadline = (quietSince + .init(limits.idleTimeout), "idle")
        }
        let logger = logger
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline.0) {
            logger.debug("closing a slow connection", metadata: ["timeout": .string(deadline.1)])
            context.close(promise: nil)
        }
    }
}
