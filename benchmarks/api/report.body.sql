BEGIN;
SELECT set_config('role', :role, true),
       set_config('app.user_id', :uid, true),
       set_config('app.agency_id', :aid, true),
       set_config('app.agency_kind', :kind, true),
       set_config('app.role', :urole, true);
SELECT pl.monthly[:m::int] AS planned, coalesce(app.report_locked(x.status), false) AS locked, x.*
  FROM app.projects p
  LEFT JOIN app.investment_plans pl ON pl.project_id = p.id AND pl.year = :y
  LEFT JOIN LATERAL (SELECT r.id, r.project_id, r.month, r.investment_completed, r.progress, r.problems, r.explanation, r.submitted_at,
       r.submitted_by, n.display_name AS submitted_by_name, r.version, r.status, r.first_submitted_at,
       r.review_comment, r.reviewed_by, v.display_name AS reviewed_by_name, r.reviewed_at FROM app.monthly_reports r
  LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true
  LEFT JOIN app.user_display_names(ARRAY[r.reviewed_by]) v ON true WHERE r.project_id = p.id AND r.month = make_date(:y, :m, 1)) x ON true
 WHERE p.id = :pid;
INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, problems, explanation)
VALUES (:pid, make_date(:y, :m, 1), :amount, :progress, '',
        '')
ON CONFLICT (project_id, month) DO NOTHING;
SELECT r.id, r.project_id, r.month, r.investment_completed, r.progress, r.problems, r.explanation, r.submitted_at,
       r.submitted_by, n.display_name AS submitted_by_name, r.version, r.status, r.first_submitted_at,
       r.review_comment, r.reviewed_by, v.display_name AS reviewed_by_name, r.reviewed_at FROM app.monthly_reports r
  LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true
  LEFT JOIN app.user_display_names(ARRAY[r.reviewed_by]) v ON true WHERE r.project_id = :pid AND r.month = make_date(:y, :m, 1);
COMMIT;
