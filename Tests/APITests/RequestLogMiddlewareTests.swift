@testable import API
import Hummingbird
import Testing

/// The request log's duration: milliseconds to one decimal, halves rounded up.
@Suite struct RequestLogMiddlewareTests {
    @Test func durationsAreMillisecondsToOneDecimal() {
        typealias Log = RequestLogMiddleware<BasicRequestContext>
        #expect(Log.milliseconds(.zero) == "0.0")
        #expect(Log.milliseconds(.microseconds(12_349)) == "12.3")
        #expect(Log.milliseconds(.microseconds(12_350)) == "12.4")
        #expect(Log.milliseconds(.microseconds(999_960)) == "1000.0")
        #expect(Log.milliseconds(.seconds(2) + .microseconds(51)) == "2000.1")
        #expect(Log.milliseconds(.nanoseconds(40)) == "0.0")
    }
}
