-- The review queue (`ReviewQueries.queue`) picks its page of waiting reports by status and month,
-- counts them and orders them by submission. With five campaign years in the table the month's
-- waiting rows no longer sat in shared buffers, and reading them from the heap made the queue
-- 4.5 times slower than in the first year (docs/BENCHMARKS.md, years.sh). This index answers the
-- page from the index alone (an index-only scan: status, month, order and the project for the
-- row-level-security check), so the queue costs the same in the fifth year as in the first. It
-- replaces 0021's (status, month) index, whose leading columns it keeps.
create index monthly_reports_queue_idx on app.monthly_reports (status, month, submitted_at, id) include (project_id)
    where status <> 'approved';
drop index app.monthly_reports_status_idx;
