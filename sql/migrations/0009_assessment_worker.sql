-- 0009 the assessment worker: runs queued by the campaign calendar are marked, at most one per
-- year and period, so several workers checking the calendar never queue a run twice.
alter table app.assessment_runs add column scheduled boolean not null default false;
create unique index assessment_runs_scheduled_key on app.assessment_runs (year, period) where scheduled;
