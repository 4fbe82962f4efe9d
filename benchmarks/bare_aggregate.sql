-- The bare aggregate of the year-end run's rows (2026's major-project reports by district and by
-- lead department, receipts, statistics): what benchmarks/assessment.sh and years.sh compare
-- the run against.
SELECT count(*), sum(x) FROM (
  SELECT p.district_id AS a, sum(r.investment_completed) AS x
    FROM app.monthly_reports r JOIN app.projects p ON p.id = r.project_id
   WHERE r.month BETWEEN date '2026-01-01' AND date '2026-12-01' AND p.major GROUP BY p.district_id
  UNION ALL
  SELECT p.lead_department_id, sum(r.investment_completed)
    FROM app.monthly_reports r JOIN app.projects p ON p.id = r.project_id
   WHERE r.month BETWEEN date '2026-01-01' AND date '2026-12-01' AND p.major GROUP BY p.lead_department_id
  UNION ALL
  SELECT d.district_id, sum(c.amount) FROM app.receipts c JOIN app.deals d ON d.id = c.deal_id
   WHERE c.received_on BETWEEN date '2026-01-01' AND date '2026-12-31' GROUP BY d.district_id
  UNION ALL
  SELECT agency_id, sum(amount) FROM app.fai_statistics WHERE month BETWEEN date '2026-01-01' AND date '2026-12-01' GROUP BY agency_id) t;
