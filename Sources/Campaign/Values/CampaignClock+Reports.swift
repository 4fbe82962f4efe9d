extension CampaignClock {
    /// Why nothing can be reported or attached for `month` yet: it has not begun in Asia/Shanghai
    /// (the rule's one home, asked by the report PUT, the monthly-report import and attachments);
    /// nil once it has begun.
    public func notBegun(_ month: Month) -> Message? {
        let today = today
        return month <= today.yearMonth ? nil : .monthNotBegun(month, today: today)
    }
}
