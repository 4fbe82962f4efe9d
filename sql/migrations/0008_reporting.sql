-- 0008 reporting: analysts' views. Every view is security_invoker, so the tables' row-level
-- security applies to whoever reads: an analyst sees exactly what a user of its agency sees.
-- Columns are documented in docs/REPORTING.md; names are part of the analysts' contract.

create view reporting.projects with (security_invoker = true) as
select p.id, p.code, p.name, p.owner, p.category, p.industry, p.stage, p.major,
       p.district_id, d.code as district_code, d.name as district_name,
       p.lead_department_id, l.code as lead_department_code, l.name as lead_department_name,
       p.park_id, k.name as park_name,
       p.total_investment, p.planned_start, p.planned_completion, p.actual_start, p.actual_completion,
       p.land_area, p.eia_class, p.green_channel, p.central_soe,
       p.version, p.created_at, p.updated_at
  from app.projects p
  join app.agencies d on d.id = p.district_id
  join app.agencies l on l.id = p.lead_department_id
  left join app.parks k on k.id = p.park_id;

create view reporting.monthly_progress with (security_invoker = true) as
select r.id as report_id, r.project_id, p.code, p.name, p.major,
       p.district_id, d.code as district_code, d.name as district_name,
       to_char(r.month, 'YYYY-MM') as month, r.month as month_date,
       r.investment_completed,
       sum(r.investment_completed) over (partition by r.project_id, date_part('year', r.month) order by r.month)
           as cumulative_year_to_date,
       r.progress, r.problems, r.submitted_at,
       x.deadline_at,
       r.submitted_at >= x.deadline_at as late
  from app.monthly_reports r
  join app.projects p on p.id = r.project_id
  join app.agencies d on d.id = p.district_id
  left join app.assessment_schemes s on s.year = date_part('year', r.month)::integer
  cross join lateral (
      -- due by the end of day N (scheme's report_deadline_day, default 5) of the next month, county time
      select ((r.month + interval '1 month' + make_interval(days => coalesce((s.scheme ->> 'report_deadline_day')::integer, 5)))::timestamp
              at time zone 'Asia/Shanghai') as deadline_at
  ) x;

create view reporting.funding with (security_invoker = true) as
select f.id as funding_source_id, f.project_id, p.code as project_code, p.name as project_name,
       p.district_id, f.kind, f.platform_id, fp.name as platform_name,
       f.planned_amount, f.amount_in_place,
       case when f.planned_amount > 0 then round(f.amount_in_place / f.planned_amount, 4) end as in_place_ratio
  from app.funding_sources f
  join app.projects p on p.id = f.project_id
  left join app.financing_platforms fp on fp.id = f.platform_id;

create view reporting.park_readiness with (security_invoker = true) as
select k.id as park_id, k.name as park_name, k.district_id, d.code as district_code, d.name as district_name,
       k.standard,
       x.items_total,
       count(i.id) filter (where i.status = 'done')::integer as items_done,
       round(count(i.id) filter (where i.status = 'done')::numeric / x.items_total, 4) as readiness,
       coalesce(sum(i.planned_investment), 0) as planned_investment,
       coalesce(sum(i.completed_investment), 0) as completed_investment
  from app.parks k
  join app.agencies d on d.id = k.district_id
  cross join lateral (select case k.standard when 'six_one' then 7 when 'eight_one' then 9 end as items_total) x
  left join app.park_items i on i.park_id = k.id
 group by k.id, k.name, k.district_id, d.code, d.name, k.standard, x.items_total;

-- Actuals per DOMAIN.md's indicator definitions, cumulative from 1 January to today (county time).
create view reporting.targets_vs_actuals with (security_invoker = true) as
select t.agency_id, a.code, a.name, a.kind, t.year, t.indicator, t.amount as target,
       x.actual as actual_to_date,
       case when t.amount > 0 then round(x.actual / t.amount, 4) end as ratio
  from app.targets t
  join app.agencies a on a.id = t.agency_id
  cross join lateral (
      select make_date(t.year, 1, 1) as first_day,
             least(make_date(t.year, 12, 31), (now() at time zone 'Asia/Shanghai')::date) as last_day
  ) y
  cross join lateral (
      select case t.indicator
          when 'fai' then
              (select coalesce(sum(s.amount), 0) from app.fai_statistics s
                where s.agency_id = t.agency_id and s.month between y.first_day and y.last_day)
          when 'major_investment' then
              (select coalesce(sum(r.investment_completed), 0)
                 from app.monthly_reports r join app.projects p on p.id = r.project_id
                where p.major and (p.district_id = t.agency_id or p.lead_department_id = t.agency_id)
                  and r.month between y.first_day and y.last_day)
          when 'new_starts' then
              (select count(*) from app.projects p
                where p.major and (p.district_id = t.agency_id or p.lead_department_id = t.agency_id)
                  and p.actual_start between y.first_day and y.last_day)
          when 'completions' then
              (select count(*) from app.projects p
                where p.major and (p.district_id = t.agency_id or p.lead_department_id = t.agency_id)
                  and p.actual_completion between y.first_day and y.last_day)
          when 'attraction_funds' then
              (select coalesce(sum(rc.amount), 0)
                 from app.receipts rc join app.deals d on d.id = rc.deal_id
                 join app.attraction_teams tm on tm.id = d.team_id
                where (d.district_id = t.agency_id or tm.lead_department_id = t.agency_id)
                  and rc.received_on between y.first_day and y.last_day)
      end::numeric as actual
  ) x;

create view reporting.rankings with (security_invoker = true) as
select r.id as run_id, r.year, r.period, r.published_at,
       r.id = max(r.id) over (partition by r.year, r.period) as latest,
       ar.group_kind, ar.rank, ar.agency_id, a.code as agency_code, a.name as agency_name,
       ar.score_rounded as score, ar.provisional, ar.deduction, ar.year_score, ar.quarter_scores,
       ar.commended, ar.accountable, ar.missed, ar.behind
  from app.assessment_runs r
  join app.assessment_results ar on ar.run_id = r.id
  join app.agencies a on a.id = ar.agency_id
 where r.status = 'published';

create view reporting.approval_processing_days with (security_invoker = true) as
select ap.id as approval_id, ap.project_id, p.code as project_code, p.name as project_name,
       ap.kind, ap.department_id, d.code as department_code, d.name as department_name,
       ap.status, ap.applied_on, ap.decided_on,
       ap.decided_on is null as pending,
       coalesce(ap.decided_on, (now() at time zone 'Asia/Shanghai')::date) - ap.applied_on as processing_days
  from app.approvals ap
  join app.projects p on p.id = ap.project_id
  join app.agencies d on d.id = ap.department_id;

create view reporting.open_problems_by_department with (security_invoker = true) as
select pr.department_id, d.code as department_code, d.name as department_name,
       count(*) filter (where pr.status = 'open')::integer as open,
       count(*) filter (where pr.status = 'in_progress')::integer as in_progress,
       count(*) filter (where pr.status = 'escalated')::integer as escalated,
       count(*)::integer as unresolved,
       count(*) filter (where pr.due_on < (now() at time zone 'Asia/Shanghai')::date)::integer as overdue,
       min(pr.due_on) as earliest_due_on
  from app.problems pr
  left join app.agencies d on d.id = pr.department_id
 where pr.status <> 'resolved'
 group by pr.department_id, d.code, d.name;

create view reporting.land_quota_use with (security_invoker = true) as
select q.year, q.quota_mu, q.reserved_mu,
       coalesce(sum(l.area_mu), 0) as allocated_mu,
       coalesce(sum(l.area_mu) filter (where l.from_reserve), 0) as allocated_reserve_mu,
       coalesce(sum(l.area_mu) filter (where not l.from_reserve), 0) as allocated_regular_mu,
       q.quota_mu - coalesce(sum(l.area_mu), 0) as remaining_mu,
       q.reserved_mu - coalesce(sum(l.area_mu) filter (where l.from_reserve), 0) as remaining_reserve_mu
  from app.land_quotas q
  left join app.land_allocations l on l.year = q.year
 group by q.year, q.quota_mu, q.reserved_mu;

grant select on all tables in schema reporting to projectyear_analyst, projectyear_app;
