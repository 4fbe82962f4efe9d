-- PUT …/reports/{month} as report.sql, every statement prepared (-M prepared) and the whole
-- request sent as one pipeline (the project is picked inside each statement: a pipeline cannot
-- \gset). Months from 2030 on, as in report.sql.
\set pick random(0, :nprojects - 1)
\set m random(0, 311)
\startpipeline
SELECT * FROM app.session_caller(sha256(convert_to(:token, 'UTF8')));
BEGIN;
SELECT set_config('role', 'projectyear_app', true), set_config('app.user_id', :uid, true),
       set_config('app.agency_id', :aid, true), set_config('app.agency_kind', 'district', true),
       set_config('app.role', 'editor', true);
SELECT 1 FROM app.projects WHERE id = (SELECT id FROM app.projects WHERE district_id = :aid ORDER BY id OFFSET :pick LIMIT 1);
SELECT r.id, r.version FROM app.monthly_reports r
 WHERE r.project_id = (SELECT id FROM app.projects WHERE district_id = :aid ORDER BY id OFFSET :pick LIMIT 1)
   AND r.month = (date '2030-01-01' + make_interval(months => :m))::date;
INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, problems)
VALUES ((SELECT id FROM app.projects WHERE district_id = :aid ORDER BY id OFFSET :pick LIMIT 1),
        (date '2030-01-01' + make_interval(months => :m))::date, 12.5, 'pgbench', '')
ON CONFLICT (project_id, month) DO UPDATE SET investment_completed = excluded.investment_completed;
SELECT r.id, r.project_id, r.month, r.investment_completed, r.progress, r.problems, r.submitted_at,
       r.submitted_by, n.display_name AS submitted_by_name, r.version
  FROM app.monthly_reports r LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true
 WHERE r.project_id = (SELECT id FROM app.projects WHERE district_id = :aid ORDER BY id OFFSET :pick LIMIT 1)
   AND r.month = (date '2030-01-01' + make_interval(months => :m))::date;
COMMIT;
\endpipeline
