-- Smoke test of the RLS policies and domain triggers. Run as a superuser on a freshly migrated
-- database: psql -v ON_ERROR_STOP=1 -f sql/tests/rls_smoke.sql. Everything is rolled back.
-- Prints "rls_smoke: ok" at the end; any failed check raises.
\o /dev/null
begin;

insert into app.agencies (code, name, kind) values
    ('CTY', 'County', 'county'), ('D1', 'District 1', 'district'), ('D2', 'District 2', 'district'),
    ('DRC', 'DRC', 'department'), ('IIT', 'Industry & IT', 'department'), ('AGR', 'Agriculture', 'department');
create function pg_temp.ag(p_code text) returns bigint language sql as $$ select id from app.agencies where code = p_code $$;
insert into app.category_lead_departments values ('industry', pg_temp.ag('IIT')), ('infrastructure', pg_temp.ag('DRC'));
insert into app.users (agency_id, username, display_name, role, password_hash)
select pg_temp.ag(c), lower(c) || '_' || r, c || ' ' || r, r, 'hash'
  from unnest(array['CTY', 'D1', 'D2', 'DRC', 'IIT', 'AGR']) c, unnest(array['admin', 'editor', 'viewer']) r;
insert into app.parks (name, district_id, standard) values ('Park 1', pg_temp.ag('D1'), 'six_one');
insert into app.projects (code, name, category, district_id, lead_department_id, major, stage) values
    ('P1', 'one', 'infrastructure', pg_temp.ag('D1'), pg_temp.ag('DRC'), true, 'reserve'),
    ('P2', 'two', 'industry', pg_temp.ag('D2'), null, false, 'reserve'),
    ('P3', 'three', 'industry', pg_temp.ag('D2'), null, true, 'reserve'),
    ('P4', 'four', 'industry', pg_temp.ag('D2'), null, false, 'reserve');
create function pg_temp.pr(p_code text) returns bigint language sql as $$ select id from app.projects where code = p_code $$;
insert into app.approvals (project_id, kind, department_id, applied_on) values (pg_temp.pr('P3'), 'land', pg_temp.ag('DRC'), '2024-01-10');
insert into app.problems (project_id, kind, description, department_id) values (pg_temp.pr('P4'), 'funding', 'short', pg_temp.ag('AGR'));
insert into app.land_quotas (year, quota_mu, reserved_mu) values (2024, 100, 30);
insert into app.attraction_teams (name, lead_department_id) values ('Team IIT', pg_temp.ag('IIT'));
insert into app.deals (team_id, investor, investor_kind, signed_amount, signed_on, district_id)
select id, 'Investor', 'central_soe', 1000, '2024-02-01', pg_temp.ag('D1') from app.attraction_teams;
insert into app.receipts (deal_id, received_on, amount) select id, '2024-03-01', 200 from app.deals;
insert into app.targets (year, agency_id, indicator, amount) values
    (2024, pg_temp.ag('D1'), 'attraction_funds', 400), (2024, pg_temp.ag('IIT'), 'attraction_funds', 100),
    (2024, pg_temp.ag('D2'), 'fai', 1000);

-- act as a user of an agency with a role
create function pg_temp.act(p_code text, p_role text) returns void language plpgsql as $$
begin
    perform set_config('role', 'none', true);
    perform set_config('app.user_id', (select id from app.users where username = lower(p_code) || '_' || p_role)::text, true),
            set_config('app.agency_id', (select id from app.agencies where code = p_code)::text, true),
            set_config('app.agency_kind', (select kind from app.agencies where code = p_code), true),
            set_config('app.role', p_role, true);
    perform set_config('role', 'projectyear_app', true);
end $$;
create function pg_temp.eq(p_label text, p_query text, p_expected text) returns void language plpgsql as $$
declare got text;
begin
    execute p_query into got;
    if got is distinct from p_expected then
        raise exception 'FAIL %: expected %, got %', p_label, p_expected, got;
    end if;
end $$;
create function pg_temp.fails(p_label text, p_query text, p_state text, p_constraint text default null) returns void
language plpgsql as $$
declare st text; cn text;
begin
    begin
        execute p_query;
    exception when others then
        get stacked diagnostics st = returned_sqlstate, cn = constraint_name;
        if st <> p_state or (p_constraint is not null and cn is distinct from p_constraint) then
            raise exception 'FAIL %: expected % %, got % % (%)', p_label, p_state, p_constraint, st, cn, sqlerrm;
        end if;
        return;
    end;
    raise exception 'FAIL %: expected error %, got success', p_label, p_state;
end $$;

-- county
select pg_temp.act('CTY', 'viewer');
select pg_temp.eq('county sees all projects', 'select count(*) from app.projects', '4');
select pg_temp.eq('county sees all users', 'select count(*) from app.users', '18');
select pg_temp.fails('county viewer cannot insert', $$insert into app.projects (code, name, category, district_id) values ('X', 'x', 'industry', pg_temp.ag('D1'))$$, '42501');
select pg_temp.eq('county viewer updates nothing', $$with u as (update app.projects set name = 'z' returning 1) select count(*) from u$$, '0');
select pg_temp.fails('password_hash is not readable', 'select password_hash from app.users limit 1', '42501');
select pg_temp.act('CTY', 'editor');
select pg_temp.eq('county editor updates any', $$with u as (update app.projects set owner = 'o' returning 1) select count(*) from u$$, '4');
select pg_temp.eq('default lead department', $$select lead_department_id = pg_temp.ag('IIT') from app.projects where code = 'P2'$$, 'true');
select pg_temp.fails('lead department must be a department', $$update app.projects set lead_department_id = pg_temp.ag('D1') where code = 'P2'$$, '23503', 'projects_lead_department_id_kind');
select pg_temp.fails('county editor cannot add agencies', $$insert into app.agencies (code, name, kind) values ('N', 'n', 'district')$$, '42501');
select pg_temp.fails('projects are never deleted', $$delete from app.projects$$, '42501');
select pg_temp.act('CTY', 'admin');
select pg_temp.eq('county admin adds agencies', $$with i as (insert into app.agencies (code, name, kind) values ('N', 'n', 'district') returning 1) select count(*) from i$$, '1');

-- district
select pg_temp.act('D1', 'viewer');
select pg_temp.eq('district sees own projects', $$select string_agg(code, ',' order by code) from app.projects$$, 'P1');
select pg_temp.eq('district sees own users', 'select count(*) from app.users', '3');
select pg_temp.eq('district sees deals landing in it', 'select count(*) from app.deals', '1');
select pg_temp.eq('district sees their receipts', 'select count(*) from app.receipts', '1');
select pg_temp.eq('district does not see teams', 'select count(*) from app.attraction_teams', '0');
select pg_temp.eq('district sees own targets', 'select count(*) from app.targets', '1');
select pg_temp.eq('everybody sees parks', 'select count(*) from app.parks', '1');
select pg_temp.fails('district viewer cannot write reports', $$insert into app.monthly_reports (project_id, month) values (pg_temp.pr('P1'), '2024-01-01')$$, '42501');
select pg_temp.act('D1', 'editor');
select pg_temp.eq('district editor inserts in own district', $$with i as (insert into app.projects (code, name, category, district_id) values ('P5', 'five', 'industry', pg_temp.ag('D1')) returning 1) select count(*) from i$$, '1');
select pg_temp.fails('district editor cannot insert elsewhere', $$insert into app.projects (code, name, category, district_id) values ('P6', 'six', 'industry', pg_temp.ag('D2'))$$, '42501');
select pg_temp.fails('district editor cannot move a project away', $$update app.projects set district_id = pg_temp.ag('D2') where code = 'P1'$$, '42501');
select pg_temp.eq('invisible rows are not updated', $$with u as (update app.projects set name = 'z' where code = 'P2' returning 1) select count(*) from u$$, '0');
select pg_temp.eq('district editor writes reports', $$with i as (insert into app.monthly_reports (project_id, month, investment_completed) values (pg_temp.pr('P1'), '2024-01-01', 10) returning version) select max(version) from i$$, '1');
select pg_temp.fails('report month is a first day', $$insert into app.monthly_reports (project_id, month) values (pg_temp.pr('P1'), '2024-02-02')$$, '23514', 'monthly_reports_month_check');
select pg_temp.fails('district editor cannot report on other projects', $$insert into app.monthly_reports (project_id, month) values (pg_temp.pr('P2'), '2024-01-01')$$, '42501');
select pg_temp.fails('district editor cannot add approvals', $$insert into app.approvals (project_id, kind, department_id) values (pg_temp.pr('P1'), 'eia', pg_temp.ag('DRC'))$$, '42501');
select pg_temp.eq('district editor writes funding', $$with i as (insert into app.funding_sources (project_id, kind, planned_amount) values (pg_temp.pr('P1'), 'bank_loan', 50) returning 1) select count(*) from i$$, '1');
select pg_temp.eq('district editor writes park items', $$with i as (insert into app.park_items (park_id, item, status) select id, 'water', 'done' from app.parks returning 1) select count(*) from i$$, '1');
select pg_temp.fails('park item must fit the standard', $$insert into app.park_items (park_id, item) select id, 'heating' from app.parks$$, '23514', 'park_items_item_standard');
select pg_temp.fails('land allocations are county-only', $$insert into app.land_allocations (year, project_id, area_mu) values (2024, pg_temp.pr('P1'), 1)$$, '42501');
-- stages
select pg_temp.eq('stage forward', $$with u as (update app.projects set stage = 'preliminary' where code = 'P1' returning 1) select count(*) from u$$, '1');
select pg_temp.fails('stage back', $$update app.projects set stage = 'reserve' where code = 'P1'$$, '23514', 'projects_stage_forward');
select pg_temp.fails('new_start needs actual_start', $$update app.projects set stage = 'new_start' where code = 'P1'$$, '23514', 'projects_actual_start_required');
select pg_temp.eq('new_start with actual_start', $$with u as (update app.projects set stage = 'new_start', actual_start = '2024-03-01' where code = 'P1' returning version) select max(version) from u$$, '4');
select pg_temp.eq('suspend', $$with u as (update app.projects set stage = 'suspended' where code = 'P1' returning 1) select count(*) from u$$, '1');
select pg_temp.eq('resume from suspended', $$with u as (update app.projects set stage = 'construction' where code = 'P1' returning 1) select count(*) from u$$, '1');
select pg_temp.eq('cancel', $$with u as (update app.projects set stage = 'cancelled' where code = 'P1' returning 1) select count(*) from u$$, '1');
select pg_temp.fails('district cannot un-cancel', $$update app.projects set stage = 'construction' where code = 'P1'$$, '23514', 'projects_stage_reopen');
select pg_temp.act('CTY', 'editor');
select pg_temp.eq('county un-cancels', $$with u as (update app.projects set stage = 'preliminary', actual_start = null where code = 'P1' returning 1) select count(*) from u$$, '1');

-- department
select pg_temp.act('DRC', 'editor');
select pg_temp.eq('department sees led and assigned projects', $$select string_agg(code, ',' order by code) from app.projects$$, 'P1,P3');
select pg_temp.eq('department sees reports of its projects', 'select count(*) from app.monthly_reports', '1');
select pg_temp.eq('department updates its approvals', $$with u as (update app.approvals set status = 'approved', decided_on = '2024-02-01' returning 1) select count(*) from u$$, '1');
select pg_temp.eq('department does not edit projects', $$with u as (update app.projects set name = 'z' returning 1) select count(*) from u$$, '0');
select pg_temp.eq('department adds own approvals', $$with i as (insert into app.approvals (project_id, kind, department_id) values (pg_temp.pr('P1'), 'eia', pg_temp.ag('DRC')) returning 1) select count(*) from i$$, '1');
select pg_temp.fails('department cannot assign others', $$insert into app.approvals (project_id, kind, department_id) values (pg_temp.pr('P1'), 'eia', pg_temp.ag('IIT'))$$, '42501');
select pg_temp.fails('department cannot add to invisible projects', $$insert into app.approvals (project_id, kind, department_id) values (pg_temp.pr('P2'), 'eia', pg_temp.ag('DRC'))$$, '42501');
select pg_temp.eq('department sees no foreign deals', 'select count(*) from app.deals', '0');
select pg_temp.act('AGR', 'editor');
select pg_temp.eq('problem assignee sees the project', $$select string_agg(code, ',' order by code) from app.projects$$, 'P4');
select pg_temp.eq('problem assignee works it', $$with u as (update app.problems set status = 'in_progress' returning 1) select count(*) from u$$, '1');
select pg_temp.fails('problem assignee cannot hand it away', $$update app.problems set department_id = pg_temp.ag('DRC')$$, '42501');
select pg_temp.act('IIT', 'editor');
select pg_temp.eq('team lead sees its deals', 'select count(*) from app.deals', '1');
select pg_temp.eq('team lead adds receipts', $$with i as (insert into app.receipts (deal_id, received_on, amount) select id, '2024-04-01', 50 from app.deals returning 1) select count(*) from i$$, '1');
select pg_temp.fails('teams are county-only', $$insert into app.attraction_teams (name, lead_department_id) values ('T2', pg_temp.ag('IIT'))$$, '42501');
select pg_temp.fails('targets are county-only', $$insert into app.targets (year, agency_id, indicator, amount) values (2025, pg_temp.ag('IIT'), 'fai', 1)$$, '42501');
select pg_temp.eq('department reporting actuals', $$select actual_to_date from reporting.targets_vs_actuals where code = 'IIT'$$, '250.00');

-- users
select pg_temp.act('D1', 'admin');
select pg_temp.eq('agency admin adds own users', $$with i as (insert into app.users (agency_id, username, display_name, role, password_hash) values (pg_temp.ag('D1'), 'd1_new', 'New', 'editor', 'h') returning id) select count(*) from i$$, '1');
select pg_temp.fails('agency admin cannot add users elsewhere', $$insert into app.users (agency_id, username, display_name, role, password_hash) values (pg_temp.ag('D2'), 'd2_new', 'New', 'editor', 'h')$$, '42501');
select pg_temp.act('D1', 'editor');
select pg_temp.fails('editors do not manage users', $$insert into app.users (agency_id, username, display_name, role, password_hash) values (pg_temp.ag('D1'), 'd1_x', 'X', 'editor', 'h')$$, '42501');

-- land
select pg_temp.act('CTY', 'editor');
select pg_temp.eq('allocate', $$with i as (insert into app.land_allocations (year, project_id, area_mu) values (2024, pg_temp.pr('P2'), 70) returning 1) select count(*) from i$$, '1');
select pg_temp.fails('regular share exhausted', $$insert into app.land_allocations (year, project_id, area_mu) values (2024, pg_temp.pr('P2'), 1)$$, '23514', 'land_allocations_quota');
select pg_temp.fails('reserve for major projects only', $$insert into app.land_allocations (year, project_id, area_mu, from_reserve) values (2024, pg_temp.pr('P2'), 1, true)$$, '23514', 'land_allocations_reserve_major');
select pg_temp.eq('reserve to a major project', $$with i as (insert into app.land_allocations (year, project_id, area_mu, from_reserve) values (2024, pg_temp.pr('P3'), 30, true) returning 1) select count(*) from i$$, '1');
select pg_temp.fails('reserve exhausted', $$insert into app.land_allocations (year, project_id, area_mu, from_reserve) values (2024, pg_temp.pr('P3'), 0.01, true)$$, '23514', 'land_allocations_reserve');
select pg_temp.fails('quota cannot shrink below use', $$update app.land_quotas set quota_mu = 90 where year = 2024$$, '23514', 'land_quotas_quota_allocated');
select pg_temp.eq('land use', $$select remaining_mu from reporting.land_quota_use where year = 2024$$, '0.00');

-- assessment runs
select pg_temp.act('CTY', 'editor');
select pg_temp.eq('queue a run', $$with i as (insert into app.assessment_runs (year, period) values (2024, 'Q1') returning status) select max(status) from i$$, 'queued');
select set_config('role', 'projectyear_worker', true);
select pg_temp.eq('worker sees all projects', 'select count(*) from app.projects', '5');
select pg_temp.eq('worker writes results', $$with i as (insert into app.assessment_results (run_id, agency_id, group_kind, score, score_rounded, rank) select max(r.id), pg_temp.ag('D1'), 'district', 87.5, 87.5, 1 from app.assessment_runs r returning 1) select count(*) from i$$, '1');
select pg_temp.eq('worker finishes', $$with u as (update app.assessment_runs set status = 'done', finished_at = now() returning 1) select count(*) from u$$, '1');
select pg_temp.fails('worker cannot touch projects', $$update app.projects set name = 'w'$$, '42501');
select pg_temp.act('D1', 'viewer');
select pg_temp.eq('drafts are county-only', 'select count(*) from app.assessment_runs', '0');
select pg_temp.eq('draft results are county-only', 'select count(*) from app.assessment_results', '0');
select pg_temp.act('CTY', 'editor');
select pg_temp.eq('publish', $$with u as (update app.assessment_runs set status = 'published' returning published_at is not null as p) select bool_and(p)::text from u$$, 'true');
select pg_temp.fails('published run is frozen', $$update app.assessment_runs set error = 'x'$$, '55000', 'assessment_runs_published_immutable');
select pg_temp.fails('published run is not deleted', $$delete from app.assessment_runs$$, '55000', 'assessment_runs_published_immutable');
select set_config('role', 'projectyear_worker', true);
select pg_temp.fails('published results are frozen', $$update app.assessment_results set rank = 2$$, '55000', 'assessment_runs_published_immutable');
select pg_temp.act('D2', 'viewer');
select pg_temp.eq('published results for everybody', 'select count(*) from reporting.rankings', '1');

-- history
select pg_temp.act('D1', 'viewer');
select pg_temp.eq('district sees its projects'' history only', $$select count(distinct project_id) from app.history$$, '2');
select pg_temp.eq('history of stage changes', $$select count(*) from app.history where table_name = 'projects' and action = 'update' and changes ? 'stage'$$, '6');
select pg_temp.eq('history redacts passwords', $$select count(*) from app.history where changes::text like '%hash%' and changes::text not like '%[redacted]%'$$, '0');
select set_config('role', 'none', true);
select pg_temp.fails('history cannot be updated', 'update app.history set action = action', '42501', 'history_append_only');
select pg_temp.fails('history cannot be deleted', 'delete from app.history', '42501', 'history_append_only');
select pg_temp.fails('history cannot be truncated', 'truncate app.history', '42501', 'history_append_only');

\o
select 'rls_smoke: ok' as result;
rollback;
