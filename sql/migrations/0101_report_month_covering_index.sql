-- The assessment's figures (`AssessmentFigureQueries`) sum one campaign year's monthly reports by
-- month. In the first year that is the whole table and PostgreSQL reads it in order; with five
-- years it scanned 0004's month index and fetched each of the year's rows from the heap, where
-- they lie among the other years' rows: the year-end run took 1.5 times as long in the fifth year
-- as in the first (docs/BENCHMARKS.md, years.sh). This index carries every column that sum reads
-- (the project for its join and for row-level security, the status, the amount and the days late),
-- so the year's rows come from the index alone, as cheaply in the fifth year as in the first. It
-- replaces 0004's month index, whose key it keeps for every other lookup by month.
create index monthly_reports_month_figures_idx on app.monthly_reports (month)
    include (project_id, status, investment_completed, first_submitted_days_after_month);
drop index app.monthly_reports_month_idx;
