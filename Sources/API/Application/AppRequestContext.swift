import Hummingbird
import Logging

/// The request context of every route: Hummingbird's core context, nothing more yet known.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies up to 1 MiB; larger ones are answered 413.
    public var maxUploadSize: Int { 1 << 20 }
}
