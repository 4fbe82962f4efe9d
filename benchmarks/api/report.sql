-- PUT /api/v1/projects/{id}/reports/{month} creating a report as a district editor: the same
-- statements as the server (session lookup; visibility; existing report; insert; read back).
-- Months from 2030 on, so they never collide with the reports wrk creates (2000-2025).
\set pick random(0, :nprojects - 1)
\set m random(0, 311)
SELECT * FROM app.session_caller(sha256(convert_to(:token, 'UTF8')));
BEGIN;
SELECT set_config('role', 'projectyear_app', true), set_config('app.user_id', :uid, true),
       set_config('app.agency_id', :aid, true), set_config('app.agency_kind', 'district', true),
       set_config('app.role', 'editor', true);
SELECT id AS pid FROM app.projects WHERE district_id = :aid ORDER BY id OFFSET :pick LIMIT 1 \gset
SELECT 1 FROM app.projects WHERE id = :pid;
SELECT r.id, r.version FROM app.monthly_reports r WHERE r.project_id = :pid AND r.month = (date '2030-01-01' + make_interval(months => :m))::date;
INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, problems)
VALUES (:pid, (date '2030-01-01' + make_interval(months => :m))::date, 12.5, 'pgbench', '')
ON CONFLICT (project_id, month) DO UPDATE SET investment_completed = excluded.investment_completed;
SELECT r.id, r.project_id, r.month, r.investment_completed, r.progress, r.problems, r.submitted_at,
       r.submitted_by, n.display_name AS submitted_by_name, r.version
  FROM app.monthly_reports r LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true
 WHERE r.project_id = :pid AND r.month = (date '2030-01-01' + make_interval(months => :m))::date;
COMMIT;
