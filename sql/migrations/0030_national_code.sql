-- 0030 the national project code (项目代码 of the national investment project online approval
-- platform) on projects, and agencies' administrative division codes (行政区划代码).
--
-- national_code: YYYY-DDDDDD-II-TT-NNNNNN (year, division, industry, project type, serial);
-- optional in reserve and preliminary, unique, and required from new_start on.
--
-- Migration path for rows that are already at new_start or later without a code: the rule is a
-- trigger that fires when a row is inserted, when its stage changes, or when its code changes,
-- not a CHECK constraint on every row. Such projects stay readable and editable (a monthly report,
-- a new total) until someone changes their stage or their code, which then needs a code; they are
-- listed by
--   select id, code, name, stage from app.projects
--    where stage in ('new_start', 'construction', 'completed') and national_code is null;
-- (see docs/OPERATIONS.md). Once that list is empty a later migration may add the same rule as a
-- CHECK constraint.

alter table app.projects
    add column national_code text
        constraint projects_national_code_key unique
        constraint projects_national_code_check
            check (national_code ~ '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$');
comment on column app.projects.national_code is
    'national project code YYYY-DDDDDD-II-TT-NNNNNN; required from stage new_start on (trigger projects_national_code_required)';

create function app.tg_projects_national_code() returns trigger
    language plpgsql
    as $$
begin
    if new.stage in ('new_start', 'construction', 'completed') and new.national_code is null
       and (tg_op = 'INSERT' or new.stage is distinct from old.stage or old.national_code is not null) then
        raise exception 'required from stage new_start on: the national project code as YYYY-DDDDDD-II-TT-NNNNNN'
            using errcode = '23514', constraint = 'projects_national_code_required';
    end if;
    return new;
end
$$;
create trigger projects_national_code_required before insert or update of stage, national_code on app.projects
    for each row execute function app.tg_projects_national_code();

alter table app.agencies
    add column division_code text
        constraint agencies_division_code_check check (division_code ~ '^[0-9]{6}$');
comment on column app.agencies.division_code is '6-digit administrative division code (行政区划代码), optional';

-- reporting.projects gains the code (new columns go last: CREATE OR REPLACE VIEW only appends).
create or replace view reporting.projects with (security_invoker = true) as
select p.id, p.code, p.name, p.owner, p.category, p.industry, p.stage, p.major,
       p.district_id, d.code as district_code, d.name as district_name,
       p.lead_department_id, l.code as lead_department_code, l.name as lead_department_name,
       p.park_id, k.name as park_name,
       p.total_investment, p.planned_start, p.planned_completion, p.actual_start, p.actual_completion,
       p.land_area, p.eia_class, p.green_channel, p.central_soe,
       p.version, p.created_at, p.updated_at,
       p.national_code
  from app.projects p
  join app.agencies d on d.id = p.district_id
  join app.agencies l on l.id = p.lead_department_id
  left join app.parks k on k.id = p.park_id;
