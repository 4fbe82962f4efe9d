-- The SECURITY DEFINER helpers written in SQL, rewritten in PL/pgSQL with the same signature,
-- attributes, owner, grants and result.
--
-- PostgreSQL 15 can inline a SQL function only when it is neither SECURITY DEFINER nor has a SET
-- clause. Otherwise it parses, analyses and plans the function's body again in every statement
-- that calls it. The row-level security policies call these helpers in every statement of every
-- request: `setting`, `session_is_analyst` (three catalog subqueries), `is_county`,
-- `my_district`, `my_department` and `can_write`. So do the display-name lookups of every report
-- and approval. PL/pgSQL keeps each body's plan for the session.
--
-- pgbench, sending the server's statements prepared and pipelined, logged in as the server, as a
-- district editor (16 clients, 20,000 projects): the project list went from about 1,600 to 3,000
-- transactions a second (1.84–1.94×), and a report PUT from about 790 to 1,790 (2.2–2.4×)
-- (docs/BENCHMARKS.md).
--
-- The sign-in and session helpers and the other definer functions are rewritten too, so that the
-- rule is simple: no function in `app` is a SQL function with SECURITY DEFINER or SET
-- (`DefinerHelperTests` checks it).

create or replace function app.setting(p_name text) returns text
    language plpgsql stable parallel safe security definer set search_path = app, pg_temp
    as $$ begin return nullif(current_setting(p_name, true), ''); end $$;

create or replace function app.session_is_analyst() returns boolean
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
begin
    -- An analyst is a login listed in analyst_logins or a direct member of projectyear_analyst,
    -- as before; this runs about 30 times in a report's PUT, so the answer is found cheaply:
    if exists (select 1 from app.analyst_logins where login = session_user) then
        return true;
    end if;
    -- the server's logins (members of projectyear_app that are no members of projectyear_analyst,
    -- not even indirectly) from the backend's cache of role memberships, without a query;
    if pg_catalog.pg_has_role(session_user, 'projectyear_app', 'MEMBER')
       and not pg_catalog.pg_has_role(session_user, 'projectyear_analyst', 'MEMBER') then
        return false;
    end if;
    -- anyone else from the catalog, the roles' oids from its cache (to_regrole) rather than
    -- from the pg_roles view.
    return exists (select 1 from pg_catalog.pg_auth_members m
                    where m.roleid = pg_catalog.to_regrole('projectyear_analyst')
                      and m.member = pg_catalog.to_regrole(pg_catalog.quote_ident(session_user)));
end
$$;

create or replace function app.analyst_agency_id() returns bigint
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$ begin return (select agency_id from app.analyst_logins where login = session_user); end $$;

create or replace function app.analyst_agency_kind() returns text
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
begin
    return (select a.kind from app.analyst_logins l join app.agencies a on a.id = l.agency_id where l.login = session_user);
end
$$;

create or replace function app.is_county() returns boolean
    language plpgsql stable parallel safe security definer set search_path = app, pg_temp
    as $$ begin return coalesce(app.current_agency_kind() = 'county', false); end $$;

create or replace function app.my_department() returns bigint
    language plpgsql stable parallel safe security definer set search_path = app, pg_temp
    as $$ begin return case when app.current_agency_kind() = 'department' then app.current_agency_id() end; end $$;

create or replace function app.my_district() returns bigint
    language plpgsql stable parallel safe security definer set search_path = app, pg_temp
    as $$ begin return case when app.current_agency_kind() = 'district' then app.current_agency_id() end; end $$;

create or replace function app.can_write() returns boolean
    language plpgsql stable parallel safe security definer set search_path = app, pg_temp
    as $$ begin return coalesce(app.current_role() in ('editor', 'admin'), false); end $$;

create or replace function app.user_display_names(p_ids bigint[])
    returns table (id bigint, display_name text)
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
#variable_conflict use_column
begin
    return query select u.id, u.display_name from app.users u where u.id = any (p_ids);
end
$$;

create or replace function app.user_cards(p_ids bigint[])
    returns table (id bigint, display_name text, agency_id bigint)
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
#variable_conflict use_column
begin
    return query select u.id, u.display_name, u.agency_id from app.users u where u.id = any (p_ids);
end
$$;

create or replace function app.session_caller(p_token_hash bytea)
    returns table (user_id bigint, username text, display_name text, role text, agency_id bigint, agency_code text,
                   agency_name text, agency_kind text)
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
#variable_conflict use_column
begin
    return query
    select u.id, u.username, u.display_name, u.role, a.id, a.code, a.name, a.kind
      from app.sessions s
      join app.users u on u.id = s.user_id
      join app.agencies a on a.id = u.agency_id
     where s.token_hash = p_token_hash and s.expires_at > now() and u.active;
end
$$;

create or replace function app.session_expires_at(p_token_hash bytea) returns timestamptz
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
begin
    return (select s.expires_at
              from app.sessions s
              join app.users u on u.id = s.user_id
             where s.token_hash = p_token_hash and s.expires_at > now() and u.active);
end
$$;

create or replace function app.login_candidate(p_username text)
    returns table (user_id bigint, password_hash text, active boolean, username text, display_name text, role text,
                   agency_id bigint, agency_code text, agency_name text, agency_kind text)
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
#variable_conflict use_column
begin
    return query
    select u.id, u.password_hash, u.active, u.username, u.display_name, u.role, a.id, a.code, a.name, a.kind
      from app.users u
      join app.agencies a on a.id = u.agency_id
     where u.username = p_username;
end
$$;

create or replace function app.create_session(p_user_id bigint, p_token_hash bytea, p_expires_at timestamptz) returns void
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    delete from app.sessions where expires_at < now() - interval '1 day';
    insert into app.sessions (token_hash, user_id, expires_at) values (p_token_hash, p_user_id, p_expires_at);
end
$$;

create or replace function app.delete_session(p_token_hash bytea) returns void
    language plpgsql security definer set search_path = app, pg_temp
    as $$ begin delete from app.sessions where token_hash = p_token_hash; end $$;

create or replace function app.sign_in_succeeded(p_username text, p_address text) returns void
    language plpgsql security definer set search_path = app, pg_temp
    as $$ begin delete from app.sign_in_throttle where username = p_username and address = p_address; end $$;

create or replace function app.sign_in_address_succeeded(p_address text) returns void
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    update app.sign_in_throttle set failures = greatest(0, failures - 1)
     where username = '' and address = p_address and blocked_until is null;
end
$$;

create or replace function app.attachment_exists(p_id bigint) returns boolean
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$ begin return exists (select 1 from app.attachments where id = p_id); end $$;

create or replace function app.taken_project_codes(p_codes text[]) returns text[]
    language plpgsql stable security definer set search_path = app, pg_temp
    as $$
begin
    return (select coalesce(array_agg(p.code), '{}') from app.projects p where p.code = any (p_codes));
end
$$;

create or replace function app.notify_agency(p_agency_id bigint, p_kind text, p_arguments jsonb, p_subject_type text,
                                             p_subject_id bigint, p_month date, p_period text) returns void
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    insert into app.notifications (agency_id, kind, arguments, subject_type, subject_id, month, period)
    values (p_agency_id, p_kind, jsonb_strip_nulls(p_arguments), p_subject_type, p_subject_id, p_month, p_period)
    on conflict on constraint notifications_once_key do nothing;
end
$$;
