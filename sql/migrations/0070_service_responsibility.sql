-- 0070 service responsibility (包保, DOMAIN.md "The coordination loop"): a major project's
-- responsible county leader (包保县领导, a county user) and service commissioner (服务专员, a
-- department user), set by county editors. The commissioner's department sees the project as it
-- sees projects it leads: app.assigned_project_ids() (used by projects_select, and so by every
-- child table and every reporting view) now also names the projects one of its users serves.

create table app.project_service (
    id bigint generated always as identity constraint project_service_pkey primary key,
    project_id bigint not null constraint project_service_project_id_fkey references app.projects
        constraint project_service_project_id_key unique,
    leader_user_id bigint constraint project_service_leader_user_id_fkey references app.users,
    commissioner_user_id bigint constraint project_service_commissioner_user_id_fkey references app.users
);
create index project_service_leader_user_id_idx on app.project_service (leader_user_id);
create index project_service_commissioner_user_id_idx on app.project_service (commissioner_user_id);
call app.setup_table('app.project_service', 'project_id');

-- People named on a visible row (a project's leader and commissioner): id, name and agency only,
-- for the ids the server asks about (the app role reads only its own agency's users).
create function app.user_cards(p_ids bigint[])
    returns table (id bigint, display_name text, agency_id bigint)
    language sql stable security definer set search_path = app, pg_temp
    as $$ select u.id, u.display_name, u.agency_id from app.users u where u.id = any (p_ids) $$;
alter function app.user_cards(bigint[]) owner to projectyear_auth;
revoke all on function app.user_cards(bigint[]) from public;
grant execute on function app.user_cards(bigint[]) to projectyear_app, projectyear_worker, projectyear_definer;

-- The leader is a county user, the commissioner a department user, the project a major one.
create function app.tg_project_service_people() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    if new.leader_user_id is not null and not exists (
        select 1 from app.user_cards(array[new.leader_user_id]) u join app.agencies a on a.id = u.agency_id
         where a.kind = 'county') then
        raise exception '包保县领导须为县级单位的用户' using errcode = '23514', constraint = 'project_service_leader_user_id_check';
    end if;
    if new.commissioner_user_id is not null and not exists (
        select 1 from app.user_cards(array[new.commissioner_user_id]) u join app.agencies a on a.id = u.agency_id
         where a.kind = 'department') then
        raise exception '服务专员须为县直部门的用户' using errcode = '23514', constraint = 'project_service_commissioner_user_id_check';
    end if;
    if not exists (select 1 from app.projects p where p.id = new.project_id and p.major) then
        raise exception '只有重大项目可以设置包保县领导和服务专员' using errcode = '23514', constraint = 'project_service_project_id_check';
    end if;
    return new;
end
$$;
alter function app.tg_project_service_people() owner to projectyear_definer;
create trigger project_service_people before insert or update on app.project_service
    for each row execute function app.tg_project_service_people();

grant select, insert, update on app.project_service to projectyear_app;
grant select on app.project_service to projectyear_worker, projectyear_analyst, projectyear_definer;
create policy project_service_select on app.project_service for select to projectyear_app, projectyear_analyst
    using (project_id in (select p.id from app.projects p));
create policy project_service_worker on app.project_service for select to projectyear_worker using (true);
create policy project_service_definer on app.project_service for select to projectyear_definer using (true);
create policy project_service_insert on app.project_service for insert to projectyear_app
    with check ((select app.is_county()) and (select app.can_write()));
create policy project_service_update on app.project_service for update to projectyear_app
    using ((select app.is_county()) and (select app.can_write()))
    with check ((select app.is_county()) and (select app.can_write()));

create or replace function app.assigned_project_ids() returns bigint[]
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
declare
    dept bigint := app.my_department();
begin
    if dept is null then return '{}'; end if;
    return array(select project_id from app.approvals where department_id = dept
                 union
                 select project_id from app.problems where department_id = dept
                 union
                 select s.project_id from app.project_service s
                   join app.user_cards(array(select commissioner_user_id from app.project_service)) u
                     on u.id = s.commissioner_user_id
                  where u.agency_id = dept);
end
$$;
