-- 0014: history records what people changed, not what PostgreSQL derives from it. Stored
-- generated columns (monthly_reports.submitted_days_after_month since 0013) are left out of the
-- rows that app.tg_history (0001) copies; everything else is as in 0001.
create or replace function app.tg_history() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    o jsonb;
    n jsonb;
    r jsonb;
    ch jsonb;
    redacted text[] := '{}';
    project_col text := nullif(tg_argv[0], '');
    derived text[] := array(select a.attname::text from pg_attribute a
                             where a.attrelid = tg_relid and a.attgenerated <> '' and not a.attisdropped);
begin
    for i in 1 .. tg_nargs - 1 loop
        redacted := redacted || tg_argv[i];
    end loop;
    if tg_op <> 'INSERT' then o := to_jsonb(old) - derived; end if;
    if tg_op <> 'DELETE' then n := to_jsonb(new) - derived; end if;
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
