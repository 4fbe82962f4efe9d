-- 0002 agencies, users, sessions, analyst logins, county reference data, sign-in functions.

create table app.agencies (
    id bigint generated always as identity constraint agencies_pkey primary key,
    code text not null constraint agencies_code_key unique
        constraint agencies_code_check check (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name text not null constraint agencies_name_check check (length(btrim(name)) between 1 and 200),
    kind text not null constraint agencies_kind_check check (kind in ('county', 'department', 'district'))
);
create index agencies_kind_idx on app.agencies (kind);
call app.setup_table('app.agencies');

-- Rows elsewhere rely on an agency's kind; it never changes.
create function app.tg_agencies_kind_fixed() returns trigger
    language plpgsql
    as $$
begin
    if new.kind <> old.kind then
        raise exception 'an agency''s kind cannot change' using errcode = '23514', constraint = 'agencies_kind_fixed';
    end if;
    return new;
end
$$;
create trigger agencies_kind_fixed before update of kind on app.agencies
    for each row execute function app.tg_agencies_kind_fixed();

create table app.users (
    id bigint generated always as identity constraint users_pkey primary key,
    agency_id bigint not null constraint users_agency_id_fkey references app.agencies,
    username text not null constraint users_username_key unique
        constraint users_username_check check (username ~ '^[A-Za-z0-9_.@-]{1,64}$'),
    display_name text not null constraint users_display_name_check check (length(btrim(display_name)) between 1 and 200),
    role text not null constraint users_role_check check (role in ('admin', 'editor', 'viewer')),
    password_hash text not null,
    active boolean not null default true
);
create index users_agency_id_idx on app.users (agency_id);
call app.setup_table('app.users', '', array['password_hash']);

create table app.sessions (
    id bigint generated always as identity constraint sessions_pkey primary key,
    token_hash bytea not null constraint sessions_token_hash_key unique,
    user_id bigint not null constraint sessions_user_id_fkey references app.users on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index sessions_user_id_idx on app.sessions (user_id);
create index sessions_expires_at_idx on app.sessions (expires_at);
alter table app.sessions enable row level security;
alter table app.sessions force row level security;

create table app.login_failures (
    id bigint generated always as identity constraint login_failures_pkey primary key,
    username text not null,
    at timestamptz not null default now()
);
create index login_failures_username_at_idx on app.login_failures (username, at);
alter table app.login_failures enable row level security;
alter table app.login_failures force row level security;

-- An analyst's PostgreSQL login and the agency whose view of the data it gets.
create table app.analyst_logins (
    login name constraint analyst_logins_pkey primary key,
    agency_id bigint not null constraint analyst_logins_agency_id_fkey references app.agencies
);
create index analyst_logins_agency_id_idx on app.analyst_logins (agency_id);
call app.setup_table('app.analyst_logins');

create function app.analyst_agency_id() returns bigint
    language sql stable security definer set search_path = app, pg_temp
    as $$ select agency_id from app.analyst_logins where login = session_user $$;

create function app.analyst_agency_kind() returns text
    language sql stable security definer set search_path = app, pg_temp
    as $$
select a.kind from app.analyst_logins l join app.agencies a on a.id = l.agency_id where l.login = session_user
$$;
-- An analyst session: a login that is a member of projectyear_analyst or is registered in
-- app.analyst_logins. Its app.* settings are ignored (anybody may SET them).
create function app.session_is_analyst() returns boolean
    language sql stable security definer set search_path = app, pg_temp
    as $$
select exists (select 1 from pg_catalog.pg_auth_members m
                where m.roleid = (select oid from pg_catalog.pg_roles where rolname = 'projectyear_analyst')
                  and m.member = (select oid from pg_catalog.pg_roles where rolname = session_user))
    or exists (select 1 from app.analyst_logins where login = session_user)
$$;
alter function app.session_is_analyst() owner to projectyear_definer;
alter function app.analyst_agency_id() owner to projectyear_definer;
alter function app.analyst_agency_kind() owner to projectyear_definer;

-- County data: which department leads a category's projects by default.
create table app.category_lead_departments (
    category text constraint category_lead_departments_pkey primary key
        constraint category_lead_departments_category_check
        check (category in ('infrastructure', 'industry', 'services', 'agriculture', 'environment', 'social')),
    department_id bigint not null constraint category_lead_departments_department_id_fkey references app.agencies
);
create index category_lead_departments_department_id_idx on app.category_lead_departments (department_id);
call app.setup_table('app.category_lead_departments');
create trigger category_lead_departments_department_kind before insert or update on app.category_lead_departments
    for each row execute function app.tg_agency_kind('department_id', 'department', 'category_lead_departments_department_id_fkey');

create table app.financing_platforms (
    id bigint generated always as identity constraint financing_platforms_pkey primary key,
    name text not null constraint financing_platforms_name_key unique
        constraint financing_platforms_name_check check (length(btrim(name)) between 1 and 200),
    note text
);
call app.setup_table('app.financing_platforms');

-- Privileges. RLS decides rows; these decide commands.
grant select, insert, update on app.agencies, app.category_lead_departments, app.financing_platforms to projectyear_app;
grant delete on app.category_lead_departments, app.financing_platforms to projectyear_app;
-- password_hash is never readable by the app role: sign-in goes through app.login_candidate.
grant select (id, agency_id, username, display_name, role, active, version, created_at, created_by, updated_at, updated_by),
      insert (agency_id, username, display_name, role, password_hash, active),
      update (agency_id, display_name, role, password_hash, active)
   on app.users to projectyear_app;
grant select on app.agencies, app.category_lead_departments, app.financing_platforms to projectyear_worker, projectyear_analyst;
grant select on app.users, app.agencies, app.sessions, app.login_failures to projectyear_auth;
grant insert, delete on app.sessions, app.login_failures to projectyear_auth;
grant select on app.agencies, app.analyst_logins to projectyear_definer;

-- Everybody sees the agency list and the county reference data; the county writes it.
create policy agencies_select on app.agencies for select to projectyear_app, projectyear_analyst using (true);
create policy agencies_insert on app.agencies for insert to projectyear_app
    with check ((select app.is_county()) and (select app.current_role()) = 'admin');
create policy agencies_update on app.agencies for update to projectyear_app
    using ((select app.is_county()) and (select app.current_role()) = 'admin')
    with check ((select app.is_county()) and (select app.current_role()) = 'admin');
create policy agencies_worker on app.agencies for select to projectyear_worker using (true);
create policy agencies_auth on app.agencies for select to projectyear_auth, projectyear_definer using (true);

create policy category_lead_departments_select on app.category_lead_departments for select
    to projectyear_app, projectyear_analyst, projectyear_worker using (true);
call app.create_write_policies('app.category_lead_departments', '(select app.is_county()) and (select app.can_write())');

create policy financing_platforms_select on app.financing_platforms for select
    to projectyear_app, projectyear_analyst, projectyear_worker using (true);
call app.create_write_policies('app.financing_platforms', '(select app.is_county()) and (select app.can_write())');

-- Users: the county sees all users, others those of their own agency; admins manage them.
create policy users_select on app.users for select to projectyear_app
    using ((select app.is_county()) or agency_id = (select app.current_agency_id()));
create policy users_insert on app.users for insert to projectyear_app
    with check ((select app.current_role()) = 'admin'
                and ((select app.is_county()) or agency_id = (select app.current_agency_id())));
create policy users_update on app.users for update to projectyear_app
    using ((select app.current_role()) = 'admin'
           and ((select app.is_county()) or agency_id = (select app.current_agency_id())))
    with check ((select app.current_role()) = 'admin'
                and ((select app.is_county()) or agency_id = (select app.current_agency_id())));
create policy users_auth on app.users for select to projectyear_auth using (true);

create policy sessions_auth on app.sessions for all to projectyear_auth using (true) with check (true);
create policy login_failures_auth on app.login_failures for all to projectyear_auth using (true) with check (true);
create policy analyst_logins_definer on app.analyst_logins for select to projectyear_definer using (true);

-- Sign-in functions: the only way the server reads password hashes and sessions.
create function app.session_caller(p_token_hash bytea)
    returns table (user_id bigint, username text, display_name text, role text,
                   agency_id bigint, agency_code text, agency_name text, agency_kind text)
    language sql stable security definer set search_path = app, pg_temp
    as $$
select u.id, u.username, u.display_name, u.role, a.id, a.code, a.name, a.kind
  from app.sessions s
  join app.users u on u.id = s.user_id
  join app.agencies a on a.id = u.agency_id
 where s.token_hash = p_token_hash and s.expires_at > now() and u.active
$$;

create function app.login_candidate(p_username text)
    returns table (user_id bigint, password_hash text, active boolean, username text, display_name text,
                   role text, agency_id bigint, agency_code text, agency_name text, agency_kind text)
    language sql stable security definer set search_path = app, pg_temp
    as $$
select u.id, u.password_hash, u.active, u.username, u.display_name, u.role, a.id, a.code, a.name, a.kind
  from app.users u
  join app.agencies a on a.id = u.agency_id
 where u.username = p_username
$$;

create function app.create_session(p_user_id bigint, p_token_hash bytea, p_expires_at timestamptz)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$
delete from app.sessions where expires_at < now() - interval '1 day';
insert into app.sessions (token_hash, user_id, expires_at) values (p_token_hash, p_user_id, p_expires_at);
$$;

create function app.delete_session(p_token_hash bytea)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$ delete from app.sessions where token_hash = p_token_hash $$;

create function app.record_login_failure(p_username text)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$
delete from app.login_failures where username = p_username and at < now() - interval '1 day';
insert into app.login_failures (username) values (p_username);
$$;

create function app.recent_login_failures(p_username text, p_window interval)
    returns table (count integer, oldest timestamptz)
    language sql stable security definer set search_path = app, pg_temp
    as $$
select count(*)::integer, min(at) from app.login_failures where username = p_username and at > now() - p_window
$$;

do $$
declare
    f text;
begin
    foreach f in array array['app.session_caller(bytea)', 'app.login_candidate(text)',
                             'app.create_session(bigint, bytea, timestamptz)', 'app.delete_session(bytea)',
                             'app.record_login_failure(text)', 'app.recent_login_failures(text, interval)'] loop
        execute format('alter function %s owner to projectyear_auth', f);
        execute format('revoke all on function %s from public', f);
        execute format('grant execute on function %s to projectyear_app', f);
    end loop;
end
$$;
