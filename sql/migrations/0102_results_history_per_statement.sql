-- A run writes every agency's result (190 rows at the province scale) and each indicator's line
-- (900) in two statements, and 0001's row-level history trigger then ran once per row: two
-- function calls to find the caller, a JSON object and an insert each, 100 ms of a year-end run
-- whose own sums take 150 ms at 20,000 projects (docs/BENCHMARKS.md, years.sh). The results
-- tables now write the history of an INSERT once per statement, from its transition table, in
-- the same form as app.tg_history: one history row per inserted row, `{"column": {"new": value}}`
-- with generated columns left out and the trigger's redacted columns hidden. Updates and deletes
-- keep the row-level trigger.
create function app.tg_history_inserted() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    redacted text[] := '{}';
    project_col text := nullif(tg_argv[0], '');
    derived text[] := array(select a.attname::text from pg_attribute a
                             where a.attrelid = tg_relid and a.attgenerated <> '' and not a.attisdropped);
    agency bigint := app.current_agency_id();
    who bigint := app.current_user_id();
begin
    for i in 1 .. tg_nargs - 1 loop
        redacted := redacted || tg_argv[i];
    end loop;
    insert into app.history (table_name, row_id, row_key, project_id, agency_id, user_id, action, changes)
    select tg_table_name,
           coalesce(x.r ->> 'id', x.r ->> 'year')::bigint,
           coalesce(x.r ->> 'id', x.r ->> 'year', x.r ->> 'category', x.r ->> 'login'),
           case when project_col is not null then (x.r ->> project_col)::bigint end,
           agency, who, 'insert',
           coalesce((select jsonb_object_agg(e.key, jsonb_build_object(
                                 'new', case when e.key = any (redacted) then '"[redacted]"'::jsonb else e.value end))
                       from jsonb_each(x.r) e), '{}')
      from (select to_jsonb(n) - derived as r from new_rows n) x;
    return null;
end
$$;
alter function app.tg_history_inserted() owner to projectyear_definer;

drop trigger assessment_results_history on app.assessment_results;
create trigger assessment_results_history after update or delete on app.assessment_results
    for each row execute function app.tg_history('');
create trigger assessment_results_history_inserted after insert on app.assessment_results
    referencing new table as new_rows for each statement execute function app.tg_history_inserted('');

drop trigger assessment_indicator_results_history on app.assessment_indicator_results;
create trigger assessment_indicator_results_history after update or delete on app.assessment_indicator_results
    for each row execute function app.tg_history('');
create trigger assessment_indicator_results_history_inserted after insert on app.assessment_indicator_results
    referencing new table as new_rows for each statement execute function app.tg_history_inserted('');
