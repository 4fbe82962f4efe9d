import Foundation

/// An amount of money in 万元: non-negative, at most two decimals, at most 14 integer digits
/// (PostgreSQL `numeric(16,2)`).
///
/// `Money.check(_:)` validates an exact `Decimal`: the API's JSON reader gives each number as one,
/// built from its digits (0.1 arrives exactly; never go through `Double`). Decoding `Money`
/// itself runs `check`.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The exact amount.
    public let amount: Decimal

    /// The smallest amount too large to store: 10^14 万元.
    public static let limit = Decimal(sign: .plus, exponent: 14, significand: 1)

    /// Zero 万元.
    public static let zero = Money(unchecked: 0)

    init(unchecked amount: Decimal) {
        self.amount = amount
    }

    /// Why a value is not money.
    public enum Problem: Error, Sendable, Equatable {
        /// Not a JSON number (or not a number at all).
        case notANumber
        /// Below zero.
        case negative
        /// More than two decimals.
        case tooManyDecimals
        /// 10^14 or more.
        case tooLarge

        /// What the client should send instead.
        public var message: Message {
            switch self {
            case .notANumber: Message(.notANumber)
            case .negative: Message(.negativeAmount)
            case .tooManyDecimals: Message(.tooManyDecimals)
            case .tooLarge: Message(.amountTooLarge)
            }
        }
    }

    /// Checks an exact decimal value.
    public static func check(_ value: Decimal) -> Result<Money, Problem> {
        if value.isNaN { return .failure(.notANumber) }
        if value < 0 { return .failure(.negative) }
        if !value.hasAtMost(decimalPlaces: 2) { return .failure(.tooManyDecimals) }
        if value >= limit { return .failure(.tooLarge) }
        return .success(Money(unchecked: value.isZero ? 0 : value))
    }

    /// The amount as plain decimal text (`1234.5`).
    public var description: String { amount.description }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.amount < rhs.amount }
}

extension Money: Codable {
    /// Decodes a JSON number and checks it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Decimal.self)
        switch Money.check(value) {
        case .success(let money): self = money
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.message.text(.en))
        }
    }

    /// Encodes as a JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount)
    }
}
