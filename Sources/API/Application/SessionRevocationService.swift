import ServiceLifecycle
import Store
import Synchronization

/// Runs the `SessionRevocationListener` of the server's session cache for as long as the server
/// runs (`buildApplication`'s services).
struct SessionRevocationService: Service, CustomStringConvertible {
    let listener: SessionRevocationListener

    /// Names the service without its listener's connection string (which may hold a password).
    var description: String { "SessionRevocationService" }

    func run() async throws {
        let stopping = StopFlag()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await listener.run(shouldStop: { stopping.isSet })
            } onGracefulShutdown: {
                stopping.set()
            }
        } onCancel: {
            stopping.set()
        }
        // With the cache off the listener returns at once; a service that ends early would stop
        // the whole server, so this one lives until the server stops.
        try? await gracefulShutdown()
    }
}

/// A flag the listener's thread reads while the service's task sets it.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
