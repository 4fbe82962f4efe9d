import Foundation

extension Scoring {
    /// Rule 7: standard competition ranks (1, 2, 2, 4) by rounded score, descending.
    /// Returns one rank per input, nil where the score is nil (unranked).
    public static func competitionRanks(_ roundedScores: [Decimal?]) -> [Int?] {
        let ranked = roundedScores.compactMap { $0 }
        return roundedScores.map { score in
            guard let score else { return nil }
            return 1 + ranked.count(where: { $0 > score })
        }
    }

    /// Rule 7 within one group: sets each result's rank and orders the list: ranked first by
    /// rank, equal ranks by agency code; then the unranked by agency code, rank nil.
    public static func ranked(_ results: [AgencyResult]) -> [AgencyResult] {
        let ranks = competitionRanks(results.map(\.roundedScore))
        var withRanks = results
        for index in withRanks.indices { withRanks[index].rank = ranks[index] }
        return withRanks.sorted { lhs, rhs in
            switch (lhs.rank, rhs.rank) {
            case let (left?, right?) where left != right: left < right
            case (.some, .none): true
            case (.none, .some): false
            default: lhs.agency.code < rhs.agency.code
            }
        }
    }
}
