-- 0020 annual investment plans (年度投资计划): per project and year, the annual planned investment
-- and its split over the twelve months, which add up exactly to it (DOMAIN.md). Visible and
-- writable exactly like the project's monthly reports (0004).

create function app.numeric_sum(p_values numeric[]) returns numeric
    language sql immutable parallel safe
    as $$ select sum(v) from unnest(p_values) v $$;

create table app.investment_plans (
    id bigint generated always as identity constraint investment_plans_pkey primary key,
    project_id bigint not null constraint investment_plans_project_id_fkey references app.projects,
    year integer not null constraint investment_plans_year_check check (year between 2000 and 2100),
    annual_investment numeric(16,2) not null
        constraint investment_plans_annual_investment_check check (annual_investment >= 0),
    monthly numeric(16,2)[] not null
        constraint investment_plans_monthly_check
        check (array_ndims(monthly) = 1 and cardinality(monthly) = 12 and array_position(monthly, null) is null
               and 0 <= all (monthly)),
    constraint investment_plans_monthly_sum check (app.numeric_sum(monthly) = annual_investment),
    constraint investment_plans_project_id_year_key unique (project_id, year)
);
create index investment_plans_year_idx on app.investment_plans (year, project_id);
call app.setup_table('app.investment_plans', 'project_id');

grant select, insert, update, delete on app.investment_plans to projectyear_app;
grant select on app.investment_plans to projectyear_worker, projectyear_analyst;

create policy investment_plans_select on app.investment_plans for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or project_id in (select p.id from app.projects p));
create policy investment_plans_worker on app.investment_plans for select to projectyear_worker using (true);
call app.create_write_policies('app.investment_plans', $c$(select app.can_write()) and ((select app.is_county())
    or project_id in (select p.id from app.projects p where p.district_id = (select app.my_district())))$c$);

-- Month by month: the plan, the month's reported investment (null when no report), and the
-- cumulative figures and ratio from January. Documented in docs/REPORTING.md.
create view reporting.plan_progress with (security_invoker = true) as
select pl.id as plan_id, pl.project_id, p.code, p.name, p.major,
       p.district_id, p.lead_department_id, pl.year,
       to_char(m.month_date, 'YYYY-MM') as month, m.month_date,
       m.planned, r.investment_completed as actual,
       sum(m.planned) over w as cumulative_planned,
       sum(coalesce(r.investment_completed, 0)) over w as cumulative_actual,
       case when sum(m.planned) over w > 0
            then round(sum(coalesce(r.investment_completed, 0)) over w / sum(m.planned) over w, 4) end as ratio
  from app.investment_plans pl
  join app.projects p on p.id = pl.project_id
  cross join lateral (
      select make_date(pl.year, u.n::integer, 1) as month_date, u.planned
        from unnest(pl.monthly) with ordinality as u (planned, n)
  ) m
  left join app.monthly_reports r on r.project_id = pl.project_id and r.month = m.month_date
window w as (partition by pl.id order by m.month_date);
grant select on reporting.plan_progress to projectyear_analyst, projectyear_app;
