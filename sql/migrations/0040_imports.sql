-- 0040 imports: every spreadsheet upload (monthly reports, projects) is recorded, and each row it
-- wrote names the import and the sheet row it came from, so a figure can be traced to its file.

create table app.imports (
    id bigint generated always as identity constraint imports_pkey primary key,
    kind text not null constraint imports_kind_check check (kind in ('monthly_reports', 'projects')),
    month date constraint imports_month_check check (month = date_trunc('month', month)::date),
    file_name text not null default '' constraint imports_file_name_check check (length(file_name) <= 255),
    sha256 text not null constraint imports_sha256_check check (sha256 ~ '^[0-9a-f]{64}$'),
    rows integer not null constraint imports_rows_check check (rows >= 0),
    created integer not null constraint imports_created_check check (created >= 0),
    replaced integer not null constraint imports_replaced_check check (replaced >= 0),
    unchanged integer not null constraint imports_unchanged_check check (unchanged >= 0),
    agency_id bigint not null default app.current_agency_id() constraint imports_agency_id_fkey references app.agencies,
    user_id bigint not null default app.current_user_id() constraint imports_user_id_fkey references app.users,
    at timestamptz not null default now()
);
create index imports_agency_id_idx on app.imports (agency_id, id desc);
call app.setup_table('app.imports');
grant select, insert on app.imports to projectyear_app;
grant select on app.imports to projectyear_worker;

-- The county sees every import; others their agency's. An import is recorded by an editor for
-- their own agency and user, and never changes afterwards.
create policy imports_select on app.imports for select to projectyear_app
    using ((select app.is_county()) or agency_id = (select app.current_agency_id()));
create policy imports_insert on app.imports for insert to projectyear_app
    with check ((select app.can_write()) and agency_id = (select app.current_agency_id())
                and user_id = (select app.current_user_id()));
create policy imports_worker on app.imports for select to projectyear_worker using (true);

-- Rows written inside an import's transaction carry it (the transaction-local setting
-- app.import_id) and their sheet row; any later write outside an import clears both, so the
-- columns (and the history that copies them) always say where the current values came from.
alter table app.monthly_reports
    add column import_id bigint constraint monthly_reports_import_id_fkey references app.imports,
    add column import_row integer;
alter table app.projects
    add column import_id bigint constraint projects_import_id_fkey references app.imports,
    add column import_row integer;
create index monthly_reports_import_id_idx on app.monthly_reports (import_id) where import_id is not null;
create index projects_import_id_idx on app.projects (import_id) where import_id is not null;

create function app.tg_import_source() returns trigger
    language plpgsql
    as $$
begin
    new.import_id := app.setting('app.import_id')::bigint;
    if new.import_id is null then
        new.import_row := null;
    end if;
    return new;
end
$$;
create trigger monthly_reports_import_source before insert or update on app.monthly_reports
    for each row execute function app.tg_import_source();
create trigger projects_import_source before insert or update on app.projects
    for each row execute function app.tg_import_source();

-- A projects import creates a project for a code no visible project has; a code that a project
-- the caller cannot see already holds must fail as that row's error, not as a unique violation of
-- the whole file. This says which of the given codes are taken, and nothing else about them.
create function app.taken_project_codes(p_codes text[]) returns text[]
    language sql stable security definer set search_path = app, pg_temp
    as $$ select coalesce(array_agg(p.code), '{}') from app.projects p where p.code = any (p_codes) $$;
alter function app.taken_project_codes(text[]) owner to projectyear_definer;
grant select on app.projects to projectyear_definer;
revoke execute on function app.taken_project_codes(text[]) from public;
grant execute on function app.taken_project_codes(text[]) to projectyear_app;
