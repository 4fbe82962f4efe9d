-- 0007 targets, statistics, assessment schemes, runs and their results.

create table app.targets (
    id bigint generated always as identity constraint targets_pkey primary key,
    year integer not null constraint targets_year_check check (year between 2000 and 2100),
    agency_id bigint not null constraint targets_agency_id_fkey references app.agencies,
    indicator text not null constraint targets_indicator_check
        check (indicator in ('fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds')),
    amount numeric(16,2) constraint targets_amount_check check (amount >= 0),
    constraint targets_year_agency_id_indicator_key unique (year, agency_id, indicator)
);
create index targets_agency_id_idx on app.targets (agency_id, year);
call app.setup_table('app.targets');
create trigger targets_agency_kind before insert or update on app.targets
    for each row execute function app.tg_agency_kind('agency_id', 'department|district', 'targets_agency_id_fkey');

create table app.fai_statistics (
    id bigint generated always as identity constraint fai_statistics_pkey primary key,
    agency_id bigint not null constraint fai_statistics_agency_id_fkey references app.agencies,
    month date not null constraint fai_statistics_month_check check (month = date_trunc('month', month)::date),
    amount numeric(16,2) not null constraint fai_statistics_amount_check check (amount >= 0),
    constraint fai_statistics_agency_id_month_key unique (agency_id, month)
);
call app.setup_table('app.fai_statistics');
create trigger fai_statistics_agency_kind before insert or update on app.fai_statistics
    for each row execute function app.tg_agency_kind('agency_id', 'district', 'fai_statistics_agency_id_fkey');

-- A scheme's keys are optional (absent ones take the default); present ones must be well typed.
create function app.scheme_is_valid(s jsonb) returns boolean
    language sql immutable parallel safe
    as $$
select jsonb_typeof(s) = 'object'
   and (not s ? 'weights' or (jsonb_typeof(s -> 'weights') = 'object'
        and not exists (select 1 from jsonb_each(s -> 'weights') w
                         where w.key not in ('fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds')
                            or jsonb_typeof(w.value) <> 'number' or (w.value)::numeric < 0)))
   and (not s ? 'quarter_shares' or (jsonb_typeof(s -> 'quarter_shares') = 'array'
        and jsonb_array_length(s -> 'quarter_shares') = 4
        and not exists (select 1 from jsonb_array_elements(s -> 'quarter_shares') e
                         where jsonb_typeof(e) <> 'number' or e::numeric < 0 or e::numeric > 1)))
   and not exists (select 1 from jsonb_each(s) k
                    where k.key in ('cap', 'annual_weight', 'quarterly_weight', 'late_report_penalty', 'late_report_penalty_cap')
                      and (jsonb_typeof(k.value) <> 'number' or (k.value)::numeric < 0))
   and (not s ? 'report_deadline_day' or (jsonb_typeof(s -> 'report_deadline_day') = 'number'
        and (s ->> 'report_deadline_day')::numeric between 1 and 28))
$$;

create table app.assessment_schemes (
    year integer constraint assessment_schemes_pkey primary key
        constraint assessment_schemes_year_check check (year between 2000 and 2100),
    scheme jsonb not null constraint assessment_schemes_scheme_check check (app.scheme_is_valid(scheme))
);
call app.setup_table('app.assessment_schemes');

create table app.assessment_runs (
    id bigint generated always as identity constraint assessment_runs_pkey primary key,
    year integer not null constraint assessment_runs_year_check check (year between 2000 and 2100),
    period text not null constraint assessment_runs_period_check check (period in ('Q1', 'Q2', 'Q3', 'Q4', 'year')),
    status text not null default 'queued' constraint assessment_runs_status_check
        check (status in ('queued', 'running', 'done', 'failed', 'published')),
    claimed_by text,
    lease_expires_at timestamptz,
    started_at timestamptz,
    finished_at timestamptz,
    published_at timestamptz,
    error text,
    inputs jsonb
);
create index assessment_runs_status_idx on app.assessment_runs (status, id);
create index assessment_runs_year_period_idx on app.assessment_runs (year, period, id desc);
call app.setup_table('app.assessment_runs');

create table app.assessment_results (
    id bigint generated always as identity constraint assessment_results_pkey primary key,
    run_id bigint not null constraint assessment_results_run_id_fkey references app.assessment_runs on delete cascade,
    agency_id bigint not null constraint assessment_results_agency_id_fkey references app.agencies,
    group_kind text not null constraint assessment_results_group_kind_check check (group_kind in ('department', 'district')),
    score numeric,
    score_rounded numeric(8,2),
    rank integer constraint assessment_results_rank_check check (rank >= 1),
    provisional boolean not null default false,
    deduction numeric not null default 0,
    year_score numeric,
    quarter_scores numeric[],
    commended boolean not null default false,
    accountable boolean not null default false,
    missed text[] not null default '{}',
    behind text[] not null default '{}',
    constraint assessment_results_run_id_agency_id_key unique (run_id, agency_id)
);
create index assessment_results_agency_id_idx on app.assessment_results (agency_id);
call app.setup_table('app.assessment_results');

create table app.assessment_indicator_results (
    id bigint generated always as identity constraint assessment_indicator_results_pkey primary key,
    run_id bigint not null constraint assessment_indicator_results_run_id_fkey
        references app.assessment_runs on delete cascade,
    agency_id bigint not null constraint assessment_indicator_results_agency_id_fkey references app.agencies,
    indicator text not null constraint assessment_indicator_results_indicator_check
        check (indicator in ('fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds')),
    actual numeric not null,
    target numeric,
    ratio numeric,
    points numeric,
    constraint assessment_indicator_results_run_id_agency_id_indicator_key unique (run_id, agency_id, indicator)
);
call app.setup_table('app.assessment_indicator_results');

-- A published run never changes. Publishing is done -> published only, and stamps published_at.
create function app.tg_assessment_runs_guard() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' then
        if old.status = 'published' then
            raise exception 'a published assessment run cannot be deleted'
                using errcode = '55000', constraint = 'assessment_runs_published_immutable';
        end if;
        return old;
    end if;
    if old.status = 'published' then
        raise exception 'a published assessment run cannot be changed'
            using errcode = '55000', constraint = 'assessment_runs_published_immutable';
    end if;
    if new.status = 'published' then
        if old.status <> 'done' then
            raise exception 'only a done assessment run can be published'
                using errcode = '55000', constraint = 'assessment_runs_publish_done';
        end if;
        new.published_at := coalesce(new.published_at, now());
    end if;
    return new;
end
$$;
create trigger assessment_runs_guard before update or delete on app.assessment_runs
    for each row execute function app.tg_assessment_runs_guard();

create function app.tg_assessment_results_guard() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    run bigint := case when tg_op = 'INSERT' then new.run_id else old.run_id end;
begin
    if exists (select 1 from app.assessment_runs r where r.id = run and r.status = 'published')
       or (tg_op = 'UPDATE' and exists (select 1 from app.assessment_runs r where r.id = new.run_id and r.status = 'published')) then
        raise exception 'results of a published assessment run cannot change'
            using errcode = '55000', constraint = 'assessment_runs_published_immutable';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
alter function app.tg_assessment_results_guard() owner to projectyear_definer;
grant select on app.assessment_runs to projectyear_definer;
create policy assessment_runs_definer on app.assessment_runs for select to projectyear_definer using (true);
create trigger assessment_results_guard before insert or update or delete on app.assessment_results
    for each row execute function app.tg_assessment_results_guard();
create trigger assessment_indicator_results_guard before insert or update or delete on app.assessment_indicator_results
    for each row execute function app.tg_assessment_results_guard();

-- Workers LISTEN assessment_runs; the payload is the queued run's id.
create function app.tg_assessment_runs_notify() returns trigger
    language plpgsql
    as $$
begin
    perform pg_notify('assessment_runs', new.id::text);
    return null;
end
$$;
create trigger assessment_runs_notify after insert on app.assessment_runs
    for each row when (new.status = 'queued') execute function app.tg_assessment_runs_notify();

grant select, insert, update, delete on app.targets, app.fai_statistics, app.assessment_schemes to projectyear_app;
grant select, insert, update, delete on app.assessment_runs to projectyear_app;
grant select on app.assessment_results, app.assessment_indicator_results to projectyear_app;
grant select on app.targets, app.fai_statistics, app.assessment_schemes, app.assessment_runs,
                app.assessment_results, app.assessment_indicator_results to projectyear_worker, projectyear_analyst;
grant insert, update on app.assessment_runs to projectyear_worker;
grant insert, update, delete on app.assessment_results, app.assessment_indicator_results to projectyear_worker;

-- Targets and statistics: the county, and the agency they belong to, read them; county writes.
create policy targets_select on app.targets for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or agency_id = (select app.current_agency_id()));
create policy fai_statistics_select on app.fai_statistics for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or agency_id = (select app.current_agency_id()));
create policy assessment_schemes_select on app.assessment_schemes for select to projectyear_app, projectyear_analyst
    using (true);
call app.create_write_policies('app.targets', '(select app.is_county()) and (select app.can_write())');
call app.create_write_policies('app.fai_statistics', '(select app.is_county()) and (select app.can_write())');
call app.create_write_policies('app.assessment_schemes', '(select app.is_county()) and (select app.can_write())');

-- Runs: published ones are everybody's; drafts the county's. The county queues and publishes.
create policy assessment_runs_select on app.assessment_runs for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or status = 'published');
call app.create_write_policies('app.assessment_runs', '(select app.is_county()) and (select app.can_write())');
create policy assessment_results_select on app.assessment_results for select to projectyear_app, projectyear_analyst
    using ((select app.is_county())
           or run_id in (select r.id from app.assessment_runs r where r.status = 'published'));
create policy assessment_indicator_results_select on app.assessment_indicator_results for select
    to projectyear_app, projectyear_analyst
    using ((select app.is_county())
           or run_id in (select r.id from app.assessment_runs r where r.status = 'published'));

-- The worker reads everything rankings need and writes only the assessment tables.
do $$
declare
    t text;
begin
    foreach t in array array['targets', 'fai_statistics', 'assessment_schemes', 'assessment_runs',
                             'assessment_results', 'assessment_indicator_results'] loop
        execute format('create policy %1$s_worker on app.%1$s for select to projectyear_worker using (true)', t);
    end loop;
    foreach t in array array['assessment_runs', 'assessment_results', 'assessment_indicator_results'] loop
        execute format('create policy %1$s_worker_insert on app.%1$s for insert to projectyear_worker with check (true)', t);
        execute format('create policy %1$s_worker_update on app.%1$s for update to projectyear_worker using (true) with check (true)', t);
    end loop;
    foreach t in array array['assessment_results', 'assessment_indicator_results'] loop
        execute format('create policy %1$s_worker_delete on app.%1$s for delete to projectyear_worker using (true)', t);
    end loop;
end
$$;
