import Campaign
import Foundation
import Hummingbird
import Store

/// `/rankings`: the latest published run of a year and period; `/warnings`: early warnings.
struct RankingController: APIController {
    let database: Database
    let defaultScheme: AssessmentScheme
    /// A project is behind plan below this ratio to date (`plans.behind_ratio`).
    let behindBelow: Decimal

    var routes: [APIRoute] {
        [
            APIRoute(.get, "rankings", .signedIn, "The latest published ranking of a year and period", rankings)
                .documented(response: .ref("Ranking")).downloadable()
                .query(.year(required: true), .period(required: true)),
            APIRoute(.get, "warnings", .signedIn, "Early warnings of the caller's visible agencies and projects", warnings)
                .documented(response: .ref("Warnings")).downloadable()
                .query(.year(required: true), .init("as_of", .date, "warnings as of this day (default today, Asia/Shanghai)")),
        ]
    }

    @Sendable func rankings(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var query = Parameters(query: request)
        let year = query.year(required: true)
        let period = query.choice("period", as: Period.self, required: true)
        try query.check()
        guard let year, let period else { throw Problem.invalid(query.validator.errors) }
        let format = try DownloadRequest.format(request)
        let ranking = try await database.transaction(as: context.caller) { connection -> Ranking in
            guard let run = try AssessmentRunQueries.latestPublished(year: year, period: period, on: connection) else {
                let words = ["year": "\(year)", "period": period.chineseLabel, "period_code": period.rawValue]
                // The county sees its drafts: name the run that waits, rather than ask for a new one.
                if let draft = try AssessmentRunQueries.list(year: year, period: period, limit: 1, offset: 0, on: connection).items.first,
                   [.done, .queued, .running].contains(draft.status) {
                    let done = draft.status == .done
                    throw Problem(.notFound, .rankingRunWaiting, words.merging([
                        "run_id": "\(draft.id)", "status": done ? "已计算完成" : "正在计算", "status_code": draft.status.rawValue,
                        "computing": done ? "" : " (the worker computes it)", "once_done": done ? "" : " once it is done",
                    ]) { $1 })
                }
                throw Problem(.notFound, .noPublishedRanking, words)
            }
            return Ranking(
                assessmentID: run.id, year: year, period: period,
                groups: try AssessmentRunQueries.results(runID: run.id, period: period, on: connection))
        }
        if let format {
            return try await DownloadResponse.make(.ranking(ranking.groups, year: year, period: period), format: format,
                                                   database: database, context: context)
        }
        return try JSONResponse.make(ranking)
    }

    /// Indicators of the caller's visible agencies below their cumulative target as of the last
    /// complete month before `as_of` (default today, Asia/Shanghai), and major projects with no
    /// report for that month or whose planned start has passed without a start.
    @Sendable func warnings(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var query = Parameters(query: request)
        let year = query.year(required: true)
        let requestedAsOf = query.date("as_of")
        try query.check()
        guard let year else { throw Problem.invalid(query.validator.errors) }
        let format = try DownloadRequest.format(request)
        let (fallback, behindBelow) = (defaultScheme, behindBelow)
        let report = try await database.transaction(as: context.caller) { connection -> Warnings in
            let asOf = try requestedAsOf ?? CountyCalendar.today(on: connection)
            let scheme = try SchemeQueries.find(year: year, on: connection)?.scheme ?? fallback
            let month = Month.lastComplete(before: asOf, inYear: year)
            var indicators: [IndicatorWarning] = []
            if let month {
                let share = Scoring.cumulativeShare(throughMonth: month.month, scheme: scheme)
                let figures = try AssessmentFigureQueries.figures(
                    year: year, through: month.lastDay, reportDeadlineDay: scheme.reportDeadlineDay, countLateReports: false,
                    on: connection)
                for agency in figures {
                    for indicator in Indicator.allCases where scheme.weight(of: indicator) > 0 {
                        guard let numbers = agency.indicators[indicator], let annual = numbers.annualTarget, annual > 0 else { continue }
                        let target = annual * share
                        guard numbers.actual < target else { continue }
                        indicators.append(IndicatorWarning(
                            agency: agency.agency, group: agency.group, code: indicator, actual: Scoring.roundMoney(numbers.actual),
                            target: Scoring.roundMoney(target), ratio: Scoring.roundRatio(numbers.actual / target)))
                    }
                }
            }
            let yearEnd = CalendarDate(year: year, month: 12, day: 31)!
            let projects = try WarningQueries.projects(
                month: month, asOf: min(asOf, yearEnd), behindBelow: behindBelow, on: connection)
            return Warnings(year: year, asOf: asOf, month: month, indicators: indicators, projects: projects)
        }
        if let format {
            let shortfalls = report.indicators.map {
                Export.IndicatorShortfall(agency: $0.agency, indicator: $0.code, actual: $0.actual, target: $0.target, ratio: $0.ratio)
            }
            return try await DownloadResponse.make(.warnings(year: year, indicators: shortfalls, projects: report.projects),
                                                   format: format, database: database, context: context)
        }
        return try JSONResponse.make(report)
    }

    struct Ranking: Encodable {
        var assessmentID: Int64
        var year: Int
        var period: Period
        var groups: RankingGroups

        enum CodingKeys: String, CodingKey {
            case assessmentID = "assessment_id"
            case year, period, groups
        }
    }

    struct IndicatorWarning: Encodable {
        var agency: AgencyRef
        var group: AssessmentGroup
        var code: Indicator
        var actual: Decimal
        var target: Decimal
        var ratio: Decimal
    }

    struct Warnings: Encodable {
        var year: Int
        var asOf: CalendarDate
        var month: Month?
        var indicators: [IndicatorWarning]
        var projects: [WarningQueries.ProjectWarning]

        enum CodingKeys: String, CodingKey {
            case year
            case asOf = "as_of"
            case month, indicators, projects
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(asOf, forKey: .asOf)
            try container.encode(month, forKey: .month)
            try container.encode(indicators, forKey: .indicators)
            try container.encode(projects, forKey: .projects)
        }
    }
}
