-- The assessment's figures (`AssessmentFigureQueries`) sum the year's monthly reports by district,
-- lead department and month. PostgreSQL estimated those groups as if any district could pair with
-- any department: at the province scale 240,000 groups where there are 4,800 (each county's
-- projects pair its own districts with its own departments). With that estimate, summing in
-- parallel and merging the workers' partial sums looked dearer than one process doing it all,
-- so the year-end run read the year's 2,400,000 reports in one process: 1.2 s against 0.9 s for
-- the bare aggregate of the same rows with five years in the tables (docs/BENCHMARKS.md). This
-- statistics object tells the planner how many (district, department) pairs there are; with it
-- the reports are read, joined and summed by three processes and the statement takes 0.7 s.
-- ANALYZE (autovacuum's too) keeps it current.
create statistics app.projects_district_department (ndistinct) on district_id, lead_department_id from app.projects;
analyze app.projects;
