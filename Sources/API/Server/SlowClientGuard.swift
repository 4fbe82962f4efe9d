import Logging
import NIOCore

/// Closes a connection whose client is too slow, first in the pipeline so that it sees every byte:
/// a request head must be complete `headerTimeout` after its first byte; a body may go no longer
/// than `bodyStallTimeout` without a byte, and after that long must have averaged
/// `bodyMinimumRate` since its head (an unanswered slow body is answered 408 before closing); a
/// kept-alive connection with no request may stay idle `idleTimeout`. While the server itself is
/// answering nothing times out. `RequestProgressHandler` (after the HTTP decoder) reports heads,
/// ends and written responses.
final class SlowClientGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let limits: ServerLimits
    private let logger: Logger
    private var context: ChannelHandlerContext?
    private var timer: Scheduled<Void>?
    /// When `timer` fires.
    private var timerDeadline: NIODeadline?
    private var heads = 0, ends = 0, responses = 0, responseHeads = 0
    /// When the current request head was complete, when unanswered bytes began, when the
    /// connection last fell quiet (opened, or answered everything), when the last byte came.
    private var headAt = NIODeadline.now(), bytesSince: NIODeadline?, quietSince = NIODeadline.now(), lastByteAt = NIODeadline.now()
    /// Bytes received since the current request's head.
    private var bodyBytes = 0
    /// Answered 408: what the client still sends is dropped until the connection closes.
    private var closing = false

    init(limits: ServerLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { rearm() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        quietSince = .now()
        rearm()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if closing { return }
        lastByteAt = .now()
        if heads > ends { bodyBytes += unwrapInboundIn(data).readableBytes }
        if heads == ends, bytesSince == nil {
            bytesSince = .now()
            rearm()
        }
        context.fireChannelRead(data)
    }

    func headReceived() {
        heads += 1
        headAt = .now()
        bodyBytes = 0
        bytesSince = nil
        rearm()
    }

    func requestEnded() {
        ends += 1
        rearm()
    }

    func responseStarted() {
        responseHeads += 1
    }

    func responseEnded() {
        responses += 1
        quietSince = .now()
        rearm()
    }

    /// When a body arriving now is too slow: no byte for the stall timeout, or (from the stall
    /// timeout on) fewer than the minimum rate's bytes since the head.
    private var bodyDeadline: NIODeadline {
        let stalled = lastByteAt + .init(limits.bodyStallTimeout)
        let averageFallsShort = headAt + .nanoseconds(Int64(Double(bodyBytes) / Double(limits.bodyMinimumRate) * 1e9))
        return min(stalled, max(headAt + .init(limits.bodyStallTimeout), averageFallsShort))
    }

    /// The deadline that applies now and what it is for; nil while the server is answering.
    private var deadline: (at: NIODeadline, kind: String)? {
        if heads > ends { return (bodyDeadline, "body") }
        if responses < heads { return nil }
        if let bytesSince { return (bytesSince + .init(limits.headerTimeout), "header") }
        return (quietSince + .init(limits.idleTimeout), "idle")
    }

    /// Makes sure the timer fires no later than the deadline that applies now. A timer already
    /// set for then or earlier is kept, and looks again when it fires (`check`): a request's four
    /// events cost no timer of their own (cancelling and scheduling one at each cost 1 % of the
    /// project list's CPU).
    private func rearm() {
        guard let context, let due = deadline?.at else { return }
        if let timerDeadline, timerDeadline <= due { return }
        cancelTimer()
        schedule(at: due, context: context)
    }

    private func schedule(at due: NIODeadline, context: ChannelHandlerContext) {
        timerDeadline = due
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { [weak self] in
            self?.check(context: context)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        (timer, timerDeadline) = (nil, nil)
    }

    /// The timer fired: closes the connection if the deadline that applies now has passed, or
    /// waits for it (a body's deadline moves with every byte, a quiet connection's with every answer).
    private func check(context: ChannelHandlerContext) {
        (timer, timerDeadline) = (nil, nil)
        guard let (due, kind) = deadline else { return }
        guard due <= .now() else { return schedule(at: due, context: context) }
        expire(kind, context: context)
    }

    private func expire(_ kind: String, context: ChannelHandlerContext) {
        logger.debug("closing a slow connection", metadata: ["timeout": .string(kind)])
        guard kind == "body", responseHeads < heads else { return context.close(promise: nil) }
        // As a refused connection: the answer, our side closed, the rest a second later (an
        // immediate close with unread bytes would reset the connection and lose the answer).
        closing = true
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: Self.requestTimeout)), promise: nil)
        context.close(mode: .output, promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { context.close(promise: nil) }
    }

    /// The 408 a body too slow gets, written here since the request is never handed on whole.
    static let requestTimeout: String = {
        let body = """
            {"code":"request_timeout","detail":"请求体传输过慢或中断，连接已关闭；请在网络较好时重新上传",\
            "status":408,"title":"Request Timeout","type":"about:blank"}
            """
        return "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
    }()
}
