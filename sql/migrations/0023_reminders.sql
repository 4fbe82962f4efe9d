-- 0023 reminders and escalation (提醒与督办): the worker's scan escalates problems overdue seven
-- days (open or in progress → escalated) and may change nothing else of a problem.
grant update (status) on app.problems to projectyear_worker;
create policy problems_worker_escalate on app.problems for update to projectyear_worker
    using (status in ('open', 'in_progress')) with check (status = 'escalated');
