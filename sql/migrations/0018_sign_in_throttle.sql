-- 0018 sign-in throttle per username and client address, enforced before the password is checked.
--
-- One row per (username, address). app.sign_in_begin locks the row (an upsert) and counts the
-- attempt as a failure *before* bcrypt runs, so concurrent guesses cannot all be checked: once
-- p_limit attempts are counted the pair is blocked for p_base, doubling with every further
-- counted failure up to p_cap. A successful sign-in deletes the row. Another address (the owner
-- elsewhere) has its own row, so an attacker cannot lock an account for everybody.
-- A row quiet for p_quiet (and not blocked) starts again from zero.
--
-- Like app.sessions this is security state, not domain data: no version or history, reachable
-- only through the SECURITY DEFINER functions below. It replaces app.login_failures.

drop function app.record_login_failure(text);
drop function app.recent_login_failures(text, interval);
drop table app.login_failures;

create table app.sign_in_throttle (
    username text not null,
    address text not null,
    failures integer not null default 0,
    blocked_until timestamptz,
    last_attempt_at timestamptz not null default now(),
    constraint sign_in_throttle_pkey primary key (username, address)
);
create index sign_in_throttle_last_attempt_at_idx on app.sign_in_throttle (last_attempt_at);
alter table app.sign_in_throttle enable row level security;
alter table app.sign_in_throttle force row level security;
grant select, insert, update, delete on app.sign_in_throttle to projectyear_auth;
create policy sign_in_throttle_auth on app.sign_in_throttle for all to projectyear_auth using (true) with check (true);

-- Counts one attempt for (p_username, p_address). allowed = false with retry_after seconds while
-- the pair is blocked (the attempt is then not counted and no password is checked).
create function app.sign_in_begin(p_username text, p_address text, p_limit integer, p_base interval,
                                  p_cap interval, p_quiet interval)
    returns table (allowed boolean, retry_after integer, failures integer)
    language plpgsql volatile security definer set search_path = app, pg_temp
    as $$
#variable_conflict use_column
declare
    r app.sign_in_throttle;
begin
    delete from app.sign_in_throttle t
     where t.last_attempt_at < now() - p_quiet and coalesce(t.blocked_until, '-infinity') < now()
       and t.username = p_username;
    insert into app.sign_in_throttle as t (username, address) values (p_username, p_address)
        on conflict on constraint sign_in_throttle_pkey do update set username = excluded.username
        returning * into r;
    if r.blocked_until > now() then
        return query select false, greatest(1, ceil(extract(epoch from r.blocked_until - now())))::integer, r.failures;
        return;
    end if;
    update app.sign_in_throttle t
       set failures = t.failures + 1,
           last_attempt_at = now(),
           blocked_until = case when t.failures + 1 >= p_limit
                                then now() + least(p_cap, p_base * power(2, least(t.failures + 1 - p_limit, 30)))
                           end
     where t.username = p_username and t.address = p_address
     returning * into r;
    return query select true, 0, r.failures;
end
$$;

-- The password was right: the pair starts again from zero.
create function app.sign_in_succeeded(p_username text, p_address text)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$ delete from app.sign_in_throttle where username = p_username and address = p_address $$;

do $$
declare
    f text;
begin
    foreach f in array array['app.sign_in_begin(text, text, integer, interval, interval, interval)',
                             'app.sign_in_succeeded(text, text)'] loop
        execute format('alter function %s owner to projectyear_auth', f);
        execute format('revoke all on function %s from public', f);
        execute format('grant execute on function %s to projectyear_app', f);
    end loop;
end
$$;
