extension Message {
    /// A month that has not begun yet cannot be reported.
    public static func monthNotBegun(_ month: Month, today: CalendarDate) -> Message {
        Message(.monthNotBegun, [
            "month": Wording.month(month), "today": Wording.date(today), "month_code": "\(month)", "today_code": "\(today)",
        ])
    }
}
