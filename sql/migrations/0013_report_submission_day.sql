-- 0013: when a monthly report came in, relative to its month, kept on the row. A report is late
-- (DOMAIN.md, the assessment's rule on late reports) when the county's local day of submission
-- is after the scheme's deadline day N of the following month: submitted_days_after_month >= N
-- (the 1st of that month counts 0). Stored, the assessment compares one integer per report
-- instead of converting every timestamp to local time.
alter table app.monthly_reports
    add column submitted_days_after_month integer
        generated always as ((submitted_at at time zone 'Asia/Shanghai')::date - (month + interval '1 month')::date) stored;

comment on column app.monthly_reports.submitted_days_after_month is
    'Days from the first day of the month after `month` to the local (Asia/Shanghai) day of submission: 0 = the 1st.';
