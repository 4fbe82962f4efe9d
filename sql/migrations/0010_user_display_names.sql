-- 0009 display names of the users who changed rows, for history and monthly report responses.
-- The app role reads only its own agency's users (the county all of them), yet a project's
-- history must name whoever changed it, often a county user. This function returns only id and
-- display name, for the ids the server asks about (those of rows the caller already sees).
create function app.user_display_names(p_ids bigint[])
    returns table (id bigint, display_name text)
    language sql stable security definer set search_path = app, pg_temp
    as $$ select u.id, u.display_name from app.users u where u.id = any (p_ids) $$;
alter function app.user_display_names(bigint[]) owner to projectyear_auth;
revoke all on function app.user_display_names(bigint[]) from public;
grant execute on function app.user_display_names(bigint[]) to projectyear_app;
