-- 0057 when a live session ends by itself (issue 19): an event stream (`/notifications/stream`)
-- closes when its session expires, as it does when the session is signed out or its user changes.

create function app.session_expires_at(p_token_hash bytea) returns timestamptz
    language sql stable security definer set search_path = app, pg_temp
    as $$
select s.expires_at
  from app.sessions s
  join app.users u on u.id = s.user_id
 where s.token_hash = p_token_hash and s.expires_at > now() and u.active
$$;
alter function app.session_expires_at(bytea) owner to projectyear_auth;
revoke all on function app.session_expires_at(bytea) from public;
grant execute on function app.session_expires_at(bytea) to projectyear_app;
