-- 0012: publishing is a county editor's act. The worker moves runs between queued, running, done
-- and failed; it may neither publish a run nor create one already published.
alter policy assessment_runs_worker_update on app.assessment_runs
    using (status <> 'published') with check (status <> 'published');
alter policy assessment_runs_worker_insert on app.assessment_runs
    with check (status <> 'published');
