-- 0055 time limits for analysts' logins (docs/REPORTING.md). A runaway ad-hoc query or a
-- transaction left open must not hold locks, old row versions (vacuum) or a standby's replay for
-- long. Role settings are not inherited from the group role, so each login gets them: existing
-- logins here, new ones from `projectyear analyst add` (AnalystQueries, same values).
do $$
declare
    login name;
begin
    for login in select r.rolname
                   from pg_catalog.pg_roles r
                   join pg_catalog.pg_auth_members m on m.member = r.oid
                  where m.roleid = 'projectyear_analyst'::regrole loop
        execute format('alter role %I set statement_timeout = %L', login, '5min');
        execute format('alter role %I set idle_in_transaction_session_timeout = %L', login, '10min');
    end loop;
end
$$;
