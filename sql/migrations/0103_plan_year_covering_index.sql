-- The plan list, the early warnings and the reminder scan (`PlanQueries.toDate`) read every plan of
-- one year and keep the caller's under row-level security (a district's 191 of the year's 20,000
-- at 20,000 projects). In the first year that is the whole table, read in order; with five years
-- it was a bitmap scan of the year's rows among the others' and the plan list cost 1.1–1.2 times
-- as much in the fifth year (docs/BENCHMARKS.md, years.sh). This index carries what those
-- queries read of a plan (the project, for the join and the policy; the annual figure and the
-- months), so a year's plans come from the index alone. It replaces 0020's (year, project_id).
create index investment_plans_year_figures_idx on app.investment_plans (year, project_id)
    include (annual_investment, monthly);
drop index app.investment_plans_year_idx;
