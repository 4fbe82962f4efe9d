-- 0058 the sign-in throttle also per client address across usernames (issue 19): one address
-- trying ever new usernames is counted in the row (username '', address), which no real username
-- can name (usernames are never blank), with 0018's back-off. Every attempt is counted before
-- bcrypt runs; a right password takes its own attempt back, so an office behind one address is
-- held up only by its failures. Another address (the owner elsewhere) has its own row.

create function app.sign_in_address_succeeded(p_address text)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$
update app.sign_in_throttle set failures = greatest(0, failures - 1)
 where username = '' and address = p_address and blocked_until is null
$$;
alter function app.sign_in_address_succeeded(text) owner to projectyear_auth;
revoke all on function app.sign_in_address_succeeded(text) from public;
grant execute on function app.sign_in_address_succeeded(text) to projectyear_app;
