import Campaign
import Store

extension AssessmentWorker {
    /// Runs the reminder scan (`ReminderQueries`) once, as the worker, in one transaction: a
    /// worker killed half-way leaves nothing, and the next scan writes what this one would have.
    @discardableResult
    public func scanReminders() async throws -> ReminderQueries.Outcome {
        let (fallback, behindBelow, clock) = (options.defaultScheme, options.behindRatio, options.today)
        let started = ContinuousClock.now
        let outcome = try await database.transaction(role: .worker) { connection in
            let today = try clock?() ?? CountyCalendar.today(on: connection)
            var rules = ReminderQueries.Rules(today: today, deadlineDay: fallback.reportDeadlineDay, behindBelow: behindBelow)
            if let stored = try SchemeQueries.find(year: rules.reportMonth.year, on: connection) {
                rules.deadlineDay = stored.scheme.reportDeadlineDay
            }
            return try ReminderQueries.scan(rules, on: connection)
        }
        let counts = outcome.created.filter { $0.value > 0 }.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: " ")
        logger.info("reminder scan done", metadata: [
            "created": "\(outcome.total)", "kinds": "\(counts)", "escalated": "\(outcome.escalated)",
            "seconds": "\(ContinuousClock.now - started)",
        ])
        return outcome
    }
}
