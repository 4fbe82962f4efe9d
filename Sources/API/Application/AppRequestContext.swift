import Hummingbird
import Logging
import Store

/// The request context of every route. `identity` is set by `SessionAuthenticator` when the
/// request carries a valid bearer token.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, when there is one.
    public var identity: SessionIdentity?
    /// The IP address of the connection's peer (nil in router tests without a socket).
    public let peerAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies up to 1 MiB; larger ones are answered 413.
    public var maxUploadSize: Int { 1 << 20 }
}

/// The context of routes that need a signed-in user: such a handler cannot run without one.
public struct AuthenticatedContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user.
    public let identity: SessionIdentity

    public init(context: AppRequestContext) throws {
        guard let identity = context.identity else {
            throw Problem(.unauthorized, .signInRequired)
        }
        self.coreContext = context.coreContext
        self.identity = identity
    }

    public var maxUploadSize: Int { 1 << 20 }

    /// The caller whose rights row-level security applies.
    public var caller: Caller { identity.caller }
}
