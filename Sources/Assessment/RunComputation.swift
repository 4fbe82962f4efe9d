import Campaign
import Foundation
import Postgres
import Store

/// A run that cannot be computed, with the reason recorded on the run.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Gathers a run's inputs with set-based SQL and scores them with the campaign's rules.
public enum RunComputation {
    /// The inputs of `run`: the year's scheme (or `defaultScheme`), every agency's figures to the
    /// period's last day and, in a year run, the quarter scores (published, else provisional).
    public static func inputs(
        for run: ClaimedRun, defaultScheme: AssessmentScheme, on connection: Connection
    ) throws -> RunInputs {
        let scheme = try scheme(year: run.year, defaultScheme: defaultScheme, on: connection)
        let through = run.period.lastDay(of: run.year)
        // A year run needs every quarter's figures too (for quarters not yet published); the year's
        // own are those of the fourth quarter's last day. One statement computes them all.
        let cutoffs = run.period.isQuarter ? [through] : Period.quarters.map { $0.lastDay(of: run.year) }
        let figures = try AssessmentFigureQueries.figures(
            year: run.year, cutoffs: cutoffs, reportDeadlineDay: scheme.reportDeadlineDay,
            countLateReports: scheme.lateReportPenalty > 0, on: connection)
        var agencies = figures[cutoffs.firstIndex(of: through) ?? 0]
        var quarterRuns: [String: Int64] = [:]
        if !run.period.isQuarter {
            let quarters = try quarterScores(
                year: run.year, provisional: figures, scheme: scheme, on: connection)
            quarterRuns = quarters.runs
            for index in agencies.indices {
                agencies[index].quarterScores = quarters.scores.map { $0[agencies[index].agency.id] ?? .init(score: nil, provisional: true) }
            }
        }
        let input = AssessmentInput(year: run.year, period: run.period, scheme: scheme, agencies: agencies)
        return RunInputs(input: input, through: through, quarterRuns: quarterRuns)
    }

    /// The scheme in force for `year`; a stored scheme the rules refuse fails the run.
    static func scheme(year: Int, defaultScheme: AssessmentScheme, on connection: Connection) throws -> AssessmentScheme {
        guard let stored = try SchemeQueries.find(year: year, on: connection)?.scheme else { return defaultScheme }
        let errors = stored.validate()
        guard errors.isEmpty else {
            let list = errors.map { "\($0.field) \($0.message.text(.en))" }.joined(separator: "; ")
            throw RunFailure("the assessment scheme of \(year) is invalid: \(list)")
        }
        return stored
    }

    /// Each quarter's score per agency: from the quarter's latest published run where there is
    /// one, otherwise computed from current data (`provisional`, one list of figures per quarter)
    /// and marked provisional (rule 6).
    static func quarterScores(
        year: Int, provisional: [[AgencyFigures]], scheme: AssessmentScheme, on connection: Connection
    ) throws -> (scores: [[Int64: QuarterScore]], runs: [String: Int64]) {
        let (runs, publishedScores) = try AssessmentResultQueries.publishedQuarterScores(year: year, on: connection)
        var scores: [[Int64: QuarterScore]] = []
        for (quarter, figures) in zip(Period.quarters, provisional) {
            var byAgency: [Int64: QuarterScore] = [:]
            let stored = runs[quarter.rawValue].flatMap { publishedScores[$0] }
            for (id, score) in stored ?? [:] { byAgency[id] = QuarterScore(score: score, provisional: false) }
            // No published run, or agencies created since it: score them from current data.
            for agency in figures where byAgency[agency.agency.id] == nil {
                let result = Scoring.score(agency, period: quarter, scheme: scheme)
                byAgency[agency.agency.id] = QuarterScore(score: result.periodScore, provisional: true)
            }
            scores.append(byAgency)
        }
        return (scores, runs)
    }
}
