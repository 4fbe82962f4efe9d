-- 0019 login roles for the server and the worker: least privilege at the connection.
--
-- `projectyear serve` connects as projectyear_server_login and `projectyear worker` as
-- projectyear_worker_login: each may log in, is no superuser, has no BYPASSRLS, CREATEROLE or
-- CREATEDB, owns nothing, and is a member of exactly one group role (projectyear_app or
-- projectyear_worker). A statement outside a transaction that sets the caller therefore runs
-- under row-level security with no caller and sees no rows; RESET ROLE leads back to the login,
-- never to a superuser. Migrations, the demo and the bootstrap commands keep using the owner's
-- URL (database.admin_url).
--
-- The roles are created without a password: they can log in only where pg_hba.conf trusts local
-- connections (the clusters of scripts/run and scripts/test). `projectyear migrate` sets the
-- password given in database.url / database.worker_url (and creates logins of other names).
-- Roles are cluster-global: created only when missing, tolerating a concurrent migration.
do $$
declare
    r record;
begin
    for r in select * from (values ('projectyear_server_login', 'projectyear_app'),
                                   ('projectyear_worker_login', 'projectyear_worker')) as v(login, grp) loop
        if not exists (select 1 from pg_roles where rolname = r.login) then
            begin
                execute format('create role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit',
                               r.login);
            exception when duplicate_object or unique_violation then
                null;
            end;
        end if;
        if not pg_has_role(r.login, r.grp, 'member') then
            begin
                execute format('grant %I to %I', r.grp, r.login);
            exception when unique_violation then
                null;
            end;
        end if;
    end loop;
end
$$;

-- The server's readiness check compares the applied migrations with its own files.
grant select on public.schema_migrations to projectyear_app, projectyear_worker;
