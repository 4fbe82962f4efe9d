import Campaign
import Foundation

/// What a run was computed from, stored in `assessment_runs.inputs` so that any rank can be
/// explained and reproduced (rule 9): `Scoring.assess(inputs.input)` gives the run's results.
public struct RunInputs: Codable, Sendable, Hashable {
    /// The scheme, every agency's figures and, in a year run, the quarter scores used.
    public var input: AssessmentInput
    /// The last day the actuals count.
    public var through: CalendarDate
    /// Year runs: the published run each quarter's scores came from; a quarter missing here was
    /// computed from current data (provisional).
    public var quarterRuns: [String: Int64]

    enum CodingKeys: String, CodingKey {
        case input, through
        case quarterRuns = "quarter_runs"
    }

    public init(input: AssessmentInput, through: CalendarDate, quarterRuns: [String: Int64] = [:]) {
        self.input = input
        self.through = through
        self.quarterRuns = quarterRuns
    }

    /// The inputs as stored on the run: JSON with sorted keys.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
