/// A small deterministic generator (SplitMix64): the same seed gives the same data on every
/// machine and every run, unlike `SystemRandomNumberGenerator`.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one part of the data (a county, a project) that does not depend on how
    /// much randomness other parts consumed.
    init(seed: UInt64, stream: UInt64...) {
        var state = seed
        for value in stream {
            state = DemoRandom.mix(state ^ (value &+ 0x9E37_79B9_7F4A_7C15))
        }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return DemoRandom.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A number in `low..<high`.
    mutating func double(_ low: Double, _ high: Double) -> Double { Double.random(in: low..<high, using: &self) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { double(0, 1) < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
}
