-- Timing helper for benchmarks/rls.sh, created and called as the superuser.
\set ON_ERROR_STOP 1
create schema if not exists bench;

-- Runs p_rls as a caller under RLS (the role and settings Database.setCaller sets) and p_su as
-- the superuser, alternately (which goes first alternates too), so both see the same machine
-- load; after p_warmup unmeasured pairs, returns the median wall time in ms of each over p_runs
-- runs, planning included and every row fetched, and how many rows each returned (the same,
-- or the comparison is meaningless).
create or replace function bench.paired_ms(p_rls text, p_su text, p_caller jsonb, p_runs integer default 15,
                                           p_warmup integer default 3, out rls_ms numeric, out superuser_ms numeric,
                                           out rls_rows integer, out superuser_rows integer)
    language plpgsql
    as $$
declare
    t0 timestamptz;
    rls numeric[] := '{}';
    su numeric[] := '{}';
    elapsed numeric;
    r record;
    as_caller boolean;
    n integer;
begin
    for i in 1 .. p_warmup + p_runs loop
        for k in 0 .. 1 loop
            as_caller := (i + k) % 2 = 0;
            if as_caller then
                perform set_config('app.user_id', p_caller ->> 'user_id', true),
                        set_config('app.agency_id', p_caller ->> 'agency_id', true),
                        set_config('app.agency_kind', p_caller ->> 'agency_kind', true),
                        set_config('app.role', p_caller ->> 'role', true),
                        set_config('role', 'projectyear_app', true);
            end if;
            t0 := clock_timestamp();
            n := 0;
            for r in execute case when as_caller then p_rls else p_su end loop
                n := n + 1;
            end loop;
            if as_caller then rls_rows := n; else superuser_rows := n; end if;
            elapsed := (extract(epoch from clock_timestamp() - t0) * 1000)::numeric;
            if as_caller then
                perform set_config('role', 'none', true), set_config('app.agency_kind', '', true);
            end if;
            if i > p_warmup then
                if as_caller then rls := rls || elapsed; else su := su || elapsed; end if;
            end if;
        end loop;
    end loop;
    rls_ms := (select round(percentile_cont(0.5) within group (order by t)::numeric, 3) from unnest(rls) t);
    superuser_ms := (select round(percentile_cont(0.5) within group (order by t)::numeric, 3) from unnest(su) t);
end
$$;
