import Foundation

/// An exact decimal from text (never through `Double`).
func d(_ text: String) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        fatalError("bad decimal literal \(text)")
    }
    return value
}
