import Logging

/// Swift-log's `StreamLogHandler` on standard error, with the logger's metadata kept aside until
/// a message is written. The stream handler renders all its metadata to text whenever a key is
/// set, and the HTTP server sets the request's id on every request's logger, logged or not (2 %
/// of the server's CPU on a report's PUT, for messages that the `warning` level never writes).
struct StandardErrorLogHandler: LogHandler {
    private var stream: StreamLogHandler
    var metadata: Logger.Metadata = [:]

    init(label: String, level: Logger.Level) {
        stream = StreamLogHandler.standardError(label: label)
        stream.logLevel = level
    }

    var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { stream.metadataProvider }
        set { stream.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        event.metadata = event.metadata.map { metadata.merging($0) { _, explicit in explicit } } ?? metadata
        stream.log(event: event)
    }
}
