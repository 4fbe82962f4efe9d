-- 0003 projects: the register, its stage rules and who sees and writes which project.

create table app.parks (
    id bigint generated always as identity constraint parks_pkey primary key,
    name text not null constraint parks_name_key unique
        constraint parks_name_check check (length(btrim(name)) between 1 and 200),
    district_id bigint not null constraint parks_district_id_fkey references app.agencies,
    standard text not null constraint parks_standard_check check (standard in ('six_one', 'eight_one'))
);
create index parks_district_id_idx on app.parks (district_id);
call app.setup_table('app.parks');
create trigger parks_district_kind before insert or update on app.parks
    for each row execute function app.tg_agency_kind('district_id', 'district', 'parks_district_id_fkey');

create table app.projects (
    id bigint generated always as identity constraint projects_pkey primary key,
    code text not null constraint projects_code_key unique
        constraint projects_code_check check (length(btrim(code)) between 1 and 64),
    name text not null constraint projects_name_check check (length(btrim(name)) between 1 and 300),
    owner text not null default '' constraint projects_owner_check check (length(owner) <= 300),
    category text not null constraint projects_category_check
        check (category in ('infrastructure', 'industry', 'services', 'agriculture', 'environment', 'social')),
    industry text,
    stage text not null default 'reserve' constraint projects_stage_check
        check (stage in ('reserve', 'preliminary', 'new_start', 'construction', 'completed', 'suspended', 'cancelled')),
    major boolean not null default false,
    district_id bigint not null constraint projects_district_id_fkey references app.agencies,
    lead_department_id bigint not null constraint projects_lead_department_id_fkey references app.agencies,
    park_id bigint constraint projects_park_id_fkey references app.parks,
    total_investment numeric(16,2) not null default 0
        constraint projects_total_investment_check check (total_investment >= 0),
    planned_start date,
    planned_completion date,
    actual_start date,
    actual_completion date,
    land_area numeric(12,2) constraint projects_land_area_check check (land_area >= 0),
    eia_class text,
    green_channel boolean not null default false,
    central_soe boolean not null default false,
    constraint projects_planned_completion_check check (planned_completion >= planned_start),
    constraint projects_actual_completion_check check (actual_completion >= actual_start),
    constraint projects_actual_start_required
        check (stage not in ('new_start', 'construction', 'completed') or actual_start is not null),
    constraint projects_actual_completion_required check (stage <> 'completed' or actual_completion is not null)
);
create index projects_district_id_idx on app.projects (district_id);
create index projects_lead_department_id_idx on app.projects (lead_department_id);
create index projects_park_id_idx on app.projects (park_id);
create index projects_stage_idx on app.projects (stage);
call app.setup_table('app.projects', 'id');
create trigger projects_district_kind before insert or update on app.projects
    for each row execute function app.tg_agency_kind('district_id', 'district', 'projects_district_id_fkey');
create trigger projects_lead_department_kind before insert or update on app.projects
    for each row execute function app.tg_agency_kind('lead_department_id', 'department', 'projects_lead_department_id_fkey');

-- An omitted lead department is the category's default (county data, app.category_lead_departments).
create function app.tg_projects_default_lead() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    if new.lead_department_id is null then
        select c.department_id into new.lead_department_id
          from app.category_lead_departments c where c.category = new.category;
    end if;
    return new;
end
$$;
alter function app.tg_projects_default_lead() owner to projectyear_definer;
grant select on app.category_lead_departments to projectyear_definer;
create policy category_lead_departments_definer on app.category_lead_departments for select
    to projectyear_definer using (true);
-- Named so it fires before projects_lead_department_kind (triggers fire in name order).
create trigger projects_default_lead before insert on app.projects
    for each row execute function app.tg_projects_default_lead();

-- Stages move forward only; suspended and cancelled are reachable from anywhere; back from
-- suspended to preliminary or later is allowed; any other move back, and un-cancelling, is the
-- county's. With no caller context at all (migrations, the CLI as owner) it is allowed.
create function app.stage_rank(p_stage text) returns integer
    language sql immutable parallel safe
    as $$
select case p_stage when 'reserve' then 1 when 'preliminary' then 2 when 'new_start' then 3
                    when 'construction' then 4 when 'completed' then 5 end
$$;

create function app.tg_projects_stage() returns trigger
    language plpgsql
    as $$
declare
    kind text := app.current_agency_kind();
begin
    if new.stage = old.stage or kind = 'county' or kind is null then
        return new;
    end if;
    if old.stage = 'cancelled' then
        raise exception 'only the county can reopen a cancelled project'
            using errcode = '23514', constraint = 'projects_stage_forward';
    end if;
    if new.stage in ('suspended', 'cancelled') then
        return new;
    end if;
    if old.stage = 'suspended' then
        if app.stage_rank(new.stage) >= app.stage_rank('preliminary') then return new; end if;
    elsif app.stage_rank(new.stage) >= app.stage_rank(old.stage) then
        return new;
    end if;
    raise exception 'stage cannot move back from % to %', old.stage, new.stage
        using errcode = '23514', constraint = 'projects_stage_forward';
end
$$;
create trigger projects_stage_forward before update of stage on app.projects
    for each row execute function app.tg_projects_stage();

-- Visibility needs "projects with an approval or a problem assigned to my department"; read
-- through a definer function so the policies of projects and of its children do not recurse.
create function app.assigned_project_ids() returns bigint[]
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
declare
    dept bigint := app.my_department();
begin
    if dept is null then return '{}'; end if;
    return array(select project_id from app.approvals where department_id = dept
                 union
                 select project_id from app.problems where department_id = dept);
end
$$;
alter function app.assigned_project_ids() owner to projectyear_definer;

grant select, insert, update on app.projects to projectyear_app;
grant select, insert, update, delete on app.parks to projectyear_app;
grant select on app.projects, app.parks to projectyear_worker, projectyear_analyst;

create policy projects_select on app.projects for select to projectyear_app, projectyear_analyst
    using ((select app.is_county())
           or district_id = (select app.my_district())
           or lead_department_id = (select app.my_department())
           or id = any ((select app.assigned_project_ids())::bigint[]));
create policy projects_insert on app.projects for insert to projectyear_app
    with check ((select app.can_write())
                and ((select app.is_county()) or district_id = (select app.my_district())));
create policy projects_update on app.projects for update to projectyear_app
    using ((select app.can_write())
           and ((select app.is_county()) or district_id = (select app.my_district())))
    with check ((select app.can_write())
                and ((select app.is_county()) or district_id = (select app.my_district())));
create policy projects_worker on app.projects for select to projectyear_worker using (true);

-- Parks: everybody sees the list; the county manages it.
create policy parks_select on app.parks for select to projectyear_app, projectyear_analyst, projectyear_worker
    using (true);
call app.create_write_policies('app.parks', '(select app.is_county()) and (select app.can_write())');

-- History of a project and its children is readable by whoever sees the project.
create policy history_select on app.history for select to projectyear_app
    using ((select app.is_county()) or project_id in (select p.id from app.projects p));
