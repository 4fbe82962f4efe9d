-- 0004 what is recorded under a project: monthly reports, funding sources, approvals, problems.

create table app.monthly_reports (
    id bigint generated always as identity constraint monthly_reports_pkey primary key,
    project_id bigint not null constraint monthly_reports_project_id_fkey references app.projects,
    month date not null constraint monthly_reports_month_check check (month = date_trunc('month', month)::date),
    investment_completed numeric(16,2) not null default 0
        constraint monthly_reports_investment_completed_check check (investment_completed >= 0),
    progress text not null default '',
    problems text not null default '',
    submitted_by bigint default app.current_user_id(),
    submitted_at timestamptz not null default now(),
    constraint monthly_reports_project_id_month_key unique (project_id, month)
);
create index monthly_reports_month_idx on app.monthly_reports (month);
call app.setup_table('app.monthly_reports', 'project_id');

create table app.funding_sources (
    id bigint generated always as identity constraint funding_sources_pkey primary key,
    project_id bigint not null constraint funding_sources_project_id_fkey references app.projects,
    kind text not null constraint funding_sources_kind_check
        check (kind in ('central_budget', 'provincial', 'county_fiscal', 'capital_injection', 'investment_subsidy',
                        'loan_interest_subsidy', 'bank_loan', 'platform', 'self_raised', 'attracted', 'other')),
    platform_id bigint constraint funding_sources_platform_id_fkey references app.financing_platforms,
    planned_amount numeric(16,2) not null default 0
        constraint funding_sources_planned_amount_check check (planned_amount >= 0),
    amount_in_place numeric(16,2) not null default 0
        constraint funding_sources_amount_in_place_check check (amount_in_place >= 0),
    -- a platform source names its platform; no other kind does
    constraint funding_sources_platform_check check ((kind = 'platform') = (platform_id is not null))
);
create index funding_sources_project_id_idx on app.funding_sources (project_id);
create index funding_sources_platform_id_idx on app.funding_sources (platform_id);
call app.setup_table('app.funding_sources', 'project_id');

create table app.approvals (
    id bigint generated always as identity constraint approvals_pkey primary key,
    project_id bigint not null constraint approvals_project_id_fkey references app.projects,
    kind text not null constraint approvals_kind_check
        check (kind in ('filing', 'approval', 'verification', 'land', 'eia', 'planning', 'construction_permit')),
    department_id bigint not null constraint approvals_department_id_fkey references app.agencies,
    applied_on date,
    decided_on date,
    status text not null default 'pending' constraint approvals_status_check
        check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
    constraint approvals_decided_on_check check (decided_on >= applied_on),
    constraint approvals_decided_on_required check (status not in ('approved', 'rejected') or decided_on is not null)
);
create index approvals_project_id_idx on app.approvals (project_id);
create index approvals_department_id_idx on app.approvals (department_id, project_id);
call app.setup_table('app.approvals', 'project_id');
create trigger approvals_department_kind before insert or update on app.approvals
    for each row execute function app.tg_agency_kind('department_id', 'department', 'approvals_department_id_fkey');

create table app.problems (
    id bigint generated always as identity constraint problems_pkey primary key,
    project_id bigint not null constraint problems_project_id_fkey references app.projects,
    kind text not null constraint problems_kind_check
        check (kind in ('land', 'environment', 'raw_materials', 'funding', 'approvals', 'other')),
    description text not null constraint problems_description_check check (length(btrim(description)) >= 1),
    department_id bigint constraint problems_department_id_fkey references app.agencies,
    due_on date,
    status text not null default 'open' constraint problems_status_check
        check (status in ('open', 'in_progress', 'resolved', 'escalated')),
    resolution text,
    resolved_on date,
    constraint problems_resolved_on_check check (status = 'resolved' or resolved_on is null)
);
create index problems_project_id_idx on app.problems (project_id);
create index problems_department_id_idx on app.problems (department_id, project_id);
create index problems_open_idx on app.problems (status) where status <> 'resolved';
call app.setup_table('app.problems', 'project_id');
create trigger problems_department_kind before insert or update on app.problems
    for each row execute function app.tg_agency_kind('department_id', 'department', 'problems_department_id_fkey');

grant select, insert, update, delete on app.monthly_reports, app.funding_sources, app.approvals, app.problems
   to projectyear_app;
grant select on app.monthly_reports, app.funding_sources, app.approvals, app.problems
   to projectyear_worker, projectyear_analyst;
grant select on app.approvals, app.problems to projectyear_definer;
create policy approvals_definer on app.approvals for select to projectyear_definer using (true);
create policy problems_definer on app.problems for select to projectyear_definer using (true);

-- Reading: a record is visible with its project (the subquery applies the projects policy).
-- Writing: county writers, and writers of the project's district; approvals are not the
-- district's: their department (and the county) writes them; problems also their department.
do $$
declare
    t text;
begin
    foreach t in array array['monthly_reports', 'funding_sources', 'approvals', 'problems'] loop
        execute format($p$
            create policy %1$s_select on app.%1$s for select to projectyear_app, projectyear_analyst
                using ((select app.is_county()) or project_id in (select p.id from app.projects p))$p$, t);
        execute format('create policy %1$s_worker on app.%1$s for select to projectyear_worker using (true)', t);
    end loop;
    foreach t in array array['monthly_reports', 'funding_sources', 'problems'] loop
        execute format($p$
            create policy %1$s_insert on app.%1$s for insert to projectyear_app
                with check ((select app.can_write()) and ((select app.is_county())
                    or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))))$p$, t);
    end loop;
    foreach t in array array['monthly_reports', 'funding_sources'] loop
        execute format($p$
            create policy %1$s_update on app.%1$s for update to projectyear_app
                using ((select app.can_write()) and ((select app.is_county())
                    or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))))
                with check ((select app.can_write()) and ((select app.is_county())
                    or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))))$p$, t);
        execute format($p$
            create policy %1$s_delete on app.%1$s for delete to projectyear_app
                using ((select app.can_write()) and ((select app.is_county())
                    or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))))$p$, t);
    end loop;
end
$$;

create policy problems_update on app.problems for update to projectyear_app
    using ((select app.can_write()) and ((select app.is_county())
        or department_id = (select app.my_department())
        or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))))
    with check ((select app.can_write()) and ((select app.is_county())
        or department_id = (select app.my_department())
        or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))));
create policy problems_delete on app.problems for delete to projectyear_app
    using ((select app.can_write()) and ((select app.is_county())
        or department_id = (select app.my_department())
        or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district()))));

create policy approvals_insert on app.approvals for insert to projectyear_app
    with check ((select app.can_write()) and ((select app.is_county())
        or (department_id = (select app.my_department()) and project_id in (select p.id from app.projects p))));
create policy approvals_update on app.approvals for update to projectyear_app
    using ((select app.can_write()) and ((select app.is_county()) or department_id = (select app.my_department())))
    with check ((select app.can_write()) and ((select app.is_county()) or department_id = (select app.my_department())));
create policy approvals_delete on app.approvals for delete to projectyear_app
    using ((select app.can_write()) and ((select app.is_county()) or department_id = (select app.my_department())));
