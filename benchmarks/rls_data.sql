-- Data for benchmarks/rls.sh: 200 districts, 20 departments, 200,000 projects (1,000 per district),
-- 2,400,000 monthly reports (12 per project), plus approvals, problems, targets, statistics and
-- attraction deals. Loaded as the superuser with triggers off (session_replication_role =
-- replica: no history rows, audit columns take their defaults); constraints still apply.
\set ON_ERROR_STOP 1
set session_replication_role = replica;

insert into app.agencies (code, name, kind) values ('CTY', 'County', 'county');
insert into app.agencies (code, name, kind) select 'DEP' || g, 'Department ' || g, 'department' from generate_series(1, 20) g;
insert into app.agencies (code, name, kind) select 'D' || g, 'District ' || g, 'district' from generate_series(1, 200) g;
insert into app.users (agency_id, username, display_name, role, password_hash)
select id, lower(code) || '-editor', code || ' editor', 'editor', 'x' from app.agencies;

create temporary table ids as
select (select array_agg(id order by id) from app.agencies where kind = 'district') as districts,
       (select array_agg(id order by id) from app.agencies where kind = 'department') as departments;

insert into app.projects (code, name, category, stage, major, district_id, lead_department_id, total_investment,
                          actual_start, land_area)
select 'PRJ' || lpad(g::text, 7, '0'), 'Project ' || g,
       (array['infrastructure', 'industry', 'services', 'agriculture', 'environment', 'social'])[1 + g % 6],
       case when g % 3 = 0 then 'construction' else 'preliminary' end,
       g % 7 = 0,
       ids.districts[1 + g % 200], ids.departments[1 + (g / 200) % 20],
       (g % 1000) * 10,
       case when g % 3 = 0 then date '2024-01-01' + (g % 300) end,
       g % 50
  from generate_series(1, 200000) g, ids;

insert into app.monthly_reports (project_id, month, investment_completed, progress, submitted_at)
select p.id, make_date(2024, m, 1), (p.id % 100) + m, 'progress', make_date(2024, m, 1) + interval '1 month 3 days'
  from app.projects p, generate_series(1, 12) m;

insert into app.approvals (project_id, kind, department_id, applied_on)
select p.id, 'eia', ids.departments[1 + (p.id * 31) % 20], date '2024-02-01'
  from app.projects p, ids where p.id % 10 = 0;
insert into app.problems (project_id, kind, description, department_id)
select p.id, 'funding', 'short of funds', ids.departments[1 + (p.id * 17) % 20]
  from app.projects p, ids where p.id % 20 = 0;

insert into app.targets (year, agency_id, indicator, amount)
select 2024, a.id, i, 100000 from app.agencies a,
       unnest(array['fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds']) i
 where a.kind in ('district', 'department');
insert into app.fai_statistics (agency_id, month, amount)
select a.id, make_date(2024, m, 1), 1000 + m from app.agencies a, generate_series(1, 12) m where a.kind = 'district';

insert into app.attraction_teams (name, lead_department_id) select 'Team ' || a.code, a.id from app.agencies a where a.kind = 'department';
insert into app.deals (team_id, investor, investor_kind, signed_amount, signed_on, district_id)
select t.id, 'Investor ' || g, 'private', 1000, date '2024-01-01' + g % 300, ids.districts[1 + g % 200]
  from generate_series(1, 4000) g, ids,
       lateral (select id from app.attraction_teams order by id offset g % 20 limit 1) t;
insert into app.receipts (deal_id, received_on, amount)
select d.id, d.signed_on + 30, 100 from app.deals d;

set session_replication_role = origin;
vacuum analyze;
