-- 0001 foundation: roles, schemas, the caller context, the shared audit and history machinery.
--
-- Roles are cluster-global: they are created only when missing, and a concurrent migration of
-- another database in the same cluster that wins the race is tolerated.
--   projectyear_app      the HTTP server, switched to per transaction; everything under RLS
--   projectyear_worker   the assessment worker: reads what rankings need, writes assessment tables
--   projectyear_analyst  group role of analysts' login roles: reads schema reporting only
--   projectyear_auth     owns the SECURITY DEFINER sign-in functions
--   projectyear_definer  owns the other SECURITY DEFINER helpers (RLS lookups, history writer)
do $$
declare
    r text;
begin
    foreach r in array array['projectyear_app', 'projectyear_worker', 'projectyear_analyst',
                             'projectyear_auth', 'projectyear_definer'] loop
        if not exists (select 1 from pg_roles where rolname = r) then
            begin
                execute format('create role %I nologin nosuperuser nocreatedb nocreaterole nobypassrls', r);
            exception when duplicate_object or unique_violation then
                null;
            end;
        end if;
    end loop;
end
$$;

create schema app;
create schema reporting;
comment on schema app is 'ProjectYear tables; every table is under forced row-level security';
comment on schema reporting is 'Read-only views for analysts (security_invoker: RLS applies to the reader)';

-- Analysts get no USAGE on app: they reach the tables only through security_invoker views.
grant usage on schema app to projectyear_app, projectyear_worker, projectyear_auth, projectyear_definer;
grant usage on schema reporting to projectyear_app, projectyear_analyst;

-- Context of the caller: transaction-local settings, or for an analyst login the agency the
-- login is tied to (settings are ignored for analysts: anybody may SET a custom variable).

create function app.setting(p_name text) returns text
    language sql stable parallel safe
    as $$ select nullif(current_setting(p_name, true), '') $$;

-- app.session_is_analyst(), app.analyst_agency_id() and app.analyst_agency_kind() are defined in
-- 0002 with app.analyst_logins.

create function app.current_user_id() returns bigint
    language plpgsql stable parallel safe
    as $$
begin
    if app.session_is_analyst() then return null; end if;
    return app.setting('app.user_id')::bigint;
end
$$;

create function app.current_agency_id() returns bigint
    language plpgsql stable parallel safe
    as $$
begin
    if app.session_is_analyst() then return app.analyst_agency_id(); end if;
    return app.setting('app.agency_id')::bigint;
end
$$;

create function app.current_agency_kind() returns text
    language plpgsql stable parallel safe
    as $$
begin
    if app.session_is_analyst() then return app.analyst_agency_kind(); end if;
    return app.setting('app.agency_kind');
end
$$;

create function app.current_role() returns text
    language plpgsql stable parallel safe
    as $$
begin
    if app.session_is_analyst() then return 'viewer'; end if;
    return app.setting('app.role');
end
$$;

-- Shorthands used by policies, always as (select app.x()) so they run once per statement.
create function app.is_county() returns boolean
    language sql stable parallel safe
    as $$ select coalesce(app.current_agency_kind() = 'county', false) $$;

create function app.can_write() returns boolean
    language sql stable parallel safe
    as $$ select coalesce(app.current_role() in ('editor', 'admin'), false) $$;

create function app.my_district() returns bigint
    language sql stable parallel safe
    as $$ select case when app.current_agency_kind() = 'district' then app.current_agency_id() end $$;

create function app.my_department() returns bigint
    language sql stable parallel safe
    as $$ select case when app.current_agency_kind() = 'department' then app.current_agency_id() end $$;

-- Policies run these as the reader. Analysts have no USAGE on schema app, and a SQL or PL/pgSQL
-- body is parsed with the caller's rights, so each one runs as its owner (projectyear_definer).
do $$
declare
    f text;
begin
    foreach f in array array['app.setting(text)', 'app.current_user_id()', 'app.current_agency_id()',
                             'app.current_agency_kind()', 'app.current_role()', 'app.is_county()', 'app.can_write()',
                             'app.my_district()', 'app.my_department()'] loop
        execute format('alter function %s security definer set search_path = app, pg_temp', f);
        execute format('alter function %s owner to projectyear_definer', f);
    end loop;
end
$$;

-- Audit columns, kept by one BEFORE trigger: the version moves by one per update.
create function app.tg_audit() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'INSERT' then
        new.version := 1;
        new.created_at := now();
        new.created_by := app.current_user_id();
        new.updated_at := new.created_at;
        new.updated_by := new.created_by;
    else
        new.version := old.version + 1;
        new.created_at := old.created_at;
        new.created_by := old.created_by;
        new.updated_at := now();
        new.updated_by := app.current_user_id();
    end if;
    return new;
end
$$;

-- History: append-only record of every change.
create table app.history (
    id bigint generated always as identity constraint history_pkey primary key,
    table_name text not null,
    row_id bigint,
    row_key text,
    project_id bigint,
    agency_id bigint,
    user_id bigint,
    action text not null constraint history_action_check check (action in ('insert', 'update', 'delete')),
    changes jsonb not null,
    at timestamptz not null default now(),
    txid bigint not null default txid_current()
);
create index history_project_id_idx on app.history (project_id, id desc);
create index history_table_row_idx on app.history (table_name, row_id);
alter table app.history enable row level security;
alter table app.history force row level security;
revoke update, delete, truncate on app.history from public, current_user;
grant insert on app.history to projectyear_definer;
grant select on app.history to projectyear_app;
create policy history_insert_definer on app.history for insert to projectyear_definer with check (true);

create function app.tg_history_immutable() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'app.history is append-only'
        using errcode = '42501', constraint = 'history_append_only';
end
$$;
create trigger history_immutable before update or delete on app.history
    for each row execute function app.tg_history_immutable();
create trigger history_no_truncate before truncate on app.history
    for each statement execute function app.tg_history_immutable();

-- The generic AFTER trigger. TG_ARGV[0]: the column naming the row's project ('' for none);
-- further arguments: columns whose values are never copied (e.g. password_hash).
create function app.tg_history() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    o jsonb;
    n jsonb;
    r jsonb;
    ch jsonb;
    redacted text[] := '{}';
    project_col text := nullif(tg_argv[0], '');
begin
    for i in 1 .. tg_nargs - 1 loop
        redacted := redacted || tg_argv[i];
    end loop;
    if tg_op <> 'INSERT' then o := to_jsonb(old); end if;
    if tg_op <> 'DELETE' then n := to_jsonb(new); end if;
    r := coalesce(n, o);
    if tg_op = 'UPDATE' then
        select jsonb_object_agg(e.key, jsonb_build_object(
                   'old', case when e.key = any (redacted) then '"[redacted]"'::jsonb else o -> e.key end,
                   'new', case when e.key = any (redacted) then '"[redacted]"'::jsonb else e.value end))
          into ch
          from jsonb_each(n) e
         where e.key not in ('version', 'updated_at', 'updated_by')
           and e.value is distinct from o -> e.key;
        if ch is null then return null; end if;
    else
        select jsonb_object_agg(e.key, jsonb_build_object(
                   case when tg_op = 'INSERT' then 'new' else 'old' end,
                   case when e.key = any (redacted) then '"[redacted]"'::jsonb else e.value end))
          into ch
          from jsonb_each(r) e;
    end if;
    insert into app.history (table_name, row_id, row_key, project_id, agency_id, user_id, action, changes)
    values (tg_table_name,
            coalesce(r ->> 'id', r ->> 'year')::bigint,
            coalesce(r ->> 'id', r ->> 'year', r ->> 'category', r ->> 'login'),
            case when project_col is not null then (r ->> project_col)::bigint end,
            app.current_agency_id(),
            app.current_user_id(),
            lower(tg_op),
            coalesce(ch, '{}'));
    return null;
end
$$;
alter function app.tg_history() owner to projectyear_definer;

-- One call per domain table: audit columns and trigger, history trigger, forced RLS.
create procedure app.setup_table(p_table regclass, p_project_col text default '', p_redacted text[] default '{}')
    language plpgsql
    as $$
declare
    t text := (select relname from pg_class where oid = p_table);
    args text := quote_literal(p_project_col);
    c text;
begin
    foreach c in array p_redacted loop
        args := args || ', ' || quote_literal(c);
    end loop;
    execute format('alter table %s
        add column version integer not null default 1,
        add column created_at timestamptz not null default now(),
        add column created_by bigint,
        add column updated_at timestamptz not null default now(),
        add column updated_by bigint', p_table);
    execute format('create trigger %I before insert or update on %s for each row execute function app.tg_audit()',
                   t || '_audit', p_table);
    execute format('create trigger %I after insert or update or delete on %s for each row execute function app.tg_history(%s)',
                   t || '_history', p_table, args);
    execute format('alter table %s enable row level security', p_table);
    execute format('alter table %s force row level security', p_table);
end
$$;

-- A reference to an agency of the wrong kind fails like the foreign key it extends.
-- TG_ARGV: column, allowed kinds separated by '|', constraint name.
create function app.tg_agency_kind() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    ref bigint := (to_jsonb(new) ->> tg_argv[0])::bigint;
    k text;
begin
    if ref is null then return new; end if;
    select a.kind into k from app.agencies a where a.id = ref;
    if k is not null and not k = any (string_to_array(tg_argv[1], '|')) then
        raise exception '% must be an agency of kind %', tg_argv[0], replace(tg_argv[1], '|', ' or ')
            using errcode = '23503', constraint = tg_argv[2];
    end if;
    return new;
end
$$;
alter function app.tg_agency_kind() owner to projectyear_definer;

-- Write policies of the app role, one per command, all with the same condition (used as USING
-- and WITH CHECK). p_commands lets a table leave out e.g. delete.
create procedure app.create_write_policies(p_table regclass, p_condition text,
                                           p_commands text[] default array['insert', 'update', 'delete'])
    language plpgsql
    as $$
declare
    t text := (select relname from pg_class where oid = p_table);
    c text;
begin
    foreach c in array p_commands loop
        execute format('create policy %I on %s for %s to projectyear_app %s %s', t || '_' || c, p_table, c,
                       case when c <> 'insert' then format('using (%s)', p_condition) else '' end,
                       case when c <> 'delete' then format('with check (%s)', p_condition) else '' end);
    end loop;
end
$$;
