-- 0080 情况说明 (DOMAIN.md "Unusual figures need a reason"): a monthly report carries the
-- clerk's explanation of a figure far from the month's plan. Whether one is needed is the
-- Campaign rule `ExplanationRule` (the county's range is a setting in config), asked by the API
-- and the spreadsheet import alike; the column only stores it.
alter table app.monthly_reports
    add column explanation text not null default ''
        constraint monthly_reports_explanation_check check (length(explanation) <= 4000);
