-- 0021 report review (月报审核, DOMAIN.md): a monthly report is `submitted` when entered, then
-- `approved` or `returned` with a comment. Reviewers are county editors and the editors of the
-- project's lead department; an approved report is locked for the district until a county
-- editor reopens it. The rules live here, in a trigger, so no client (raw SQL included) can
-- skip them. Lateness is judged by the first submission, which never changes.

alter table app.monthly_reports
    add column status text not null default 'submitted'
        constraint monthly_reports_status_check check (status in ('submitted', 'approved', 'returned')),
    add column first_submitted_at timestamptz,
    add column review_comment text
        constraint monthly_reports_review_comment_check check (length(review_comment) <= 4000),
    add column reviewed_by bigint,
    add column reviewed_at timestamptz,
    add constraint monthly_reports_returned_comment
        check (status <> 'returned' or length(btrim(coalesce(review_comment, ''))) > 0);

-- Existing reports were first submitted when they were (last) submitted; filled without the
-- audit and history triggers (nobody changed them).
alter table app.monthly_reports disable trigger monthly_reports_audit, disable trigger monthly_reports_history;
update app.monthly_reports set first_submitted_at = submitted_at;
alter table app.monthly_reports enable trigger monthly_reports_audit, enable trigger monthly_reports_history;
alter table app.monthly_reports alter column first_submitted_at set not null;
create index monthly_reports_status_idx on app.monthly_reports (status, month) where status <> 'approved';

-- 0013's day count of the submission now counts from the first submission: correcting a
-- returned report never makes it late. (PostgreSQL 15 cannot change a generation expression.)
alter table app.monthly_reports drop column submitted_days_after_month;
alter table app.monthly_reports
    add column first_submitted_days_after_month integer
        generated always as ((first_submitted_at at time zone 'Asia/Shanghai')::date - (month + interval '1 month')::date) stored;
comment on column app.monthly_reports.first_submitted_days_after_month is
    'Days from the first day of the month after `month` to the local (Asia/Shanghai) day of the first submission: 0 = the 1st.';

-- Statuses move: submitted → approved | returned (reviewers); approved → submitted (the county
-- reopens). Replacing the content resubmits (→ submitted); a district may neither replace nor
-- delete an approved report, a department replaces nothing. Without a caller (migrations, the demo, the
-- superuser) everything is allowed and only the first submission is filled in.
create function app.tg_monthly_reports_review() returns trigger
    language plpgsql
    as $$
declare
    kind text := app.current_agency_kind();
begin
    if tg_op = 'DELETE' then
        if old.status = 'approved' and kind is distinct from 'county' and kind is not null then
            raise exception 'the report of % is approved and locked; ask a county editor to reopen it', to_char(old.month, 'YYYY-MM')
                using errcode = '55000', constraint = 'monthly_reports_approved_locked';
        end if;
        return old;
    end if;
    if kind is null then
        if tg_op = 'INSERT' then new.first_submitted_at := coalesce(new.first_submitted_at, new.submitted_at); end if;
        return new;
    end if;
    if tg_op = 'INSERT' then
        new.status := 'submitted';
        new.first_submitted_at := new.submitted_at;
        new.review_comment := null;
        new.reviewed_by := null;
        new.reviewed_at := null;
        return new;
    end if;
    new.first_submitted_at := old.first_submitted_at;
    -- a (re)submission: the content, or who submitted it and when
    if (new.project_id, new.month, new.investment_completed, new.progress, new.problems, new.submitted_at, new.submitted_by)
       is distinct from (old.project_id, old.month, old.investment_completed, old.progress, old.problems, old.submitted_at,
                         old.submitted_by) then
        if kind = 'department' then
            raise exception 'a department reviews monthly reports; the project''s district writes them'
                using errcode = '42501';
        end if;
        if old.status = 'approved' and kind <> 'county' then
            raise exception 'the report of % is approved and locked; ask a county editor to reopen it', to_char(old.month, 'YYYY-MM')
                using errcode = '55000', constraint = 'monthly_reports_approved_locked';
        end if;
        new.status := 'submitted';
        return new;
    end if;
    if (new.status, new.review_comment) is distinct from (old.status, old.review_comment) then
        if kind = 'district' then
            raise exception 'reports are reviewed by county editors and the lead department''s editors'
                using errcode = '42501';
        end if;
        if not ((old.status = 'submitted' and new.status in ('approved', 'returned'))
                or (old.status = 'approved' and new.status = 'submitted' and kind = 'county')) then
            raise exception 'a % report cannot become %', old.status, new.status
                using errcode = '55000', constraint = 'monthly_reports_review_transition';
        end if;
        new.reviewed_by := app.current_user_id();
        new.reviewed_at := now();
    end if;
    return new;
end
$$;
create trigger monthly_reports_review before insert or update or delete on app.monthly_reports
    for each row execute function app.tg_monthly_reports_review();

-- Reviewers of the lead department update (review) the reports of the projects they lead.
create policy monthly_reports_review on app.monthly_reports for update to projectyear_app
    using ((select app.can_write())
           and project_id in (select p.id from app.projects p where p.lead_department_id = (select app.my_department())))
    with check ((select app.can_write())
                and project_id in (select p.id from app.projects p where p.lead_department_id = (select app.my_department())));

-- Analysts: a report's review, and lateness by the first submission (columns added at the end).
create or replace view reporting.monthly_progress with (security_invoker = true) as
select r.id as report_id, r.project_id, p.code, p.name, p.major,
       p.district_id, d.code as district_code, d.name as district_name,
       to_char(r.month, 'YYYY-MM') as month, r.month as month_date,
       r.investment_completed,
       sum(r.investment_completed) over (partition by r.project_id, date_part('year', r.month) order by r.month)
           as cumulative_year_to_date,
       r.progress, r.problems, r.submitted_at,
       x.deadline_at,
       r.first_submitted_at >= x.deadline_at as late,
       r.status, r.first_submitted_at, r.review_comment, r.reviewed_at
  from app.monthly_reports r
  join app.projects p on p.id = r.project_id
  join app.agencies d on d.id = p.district_id
  left join app.assessment_schemes s on s.year = date_part('year', r.month)::integer
  cross join lateral (
      select ((r.month + interval '1 month' + make_interval(days => coalesce((s.scheme ->> 'report_deadline_day')::integer, 5)))::timestamp
              at time zone 'Asia/Shanghai') as deadline_at
  ) x;

-- Plans count the reports assessment figures count: every report that is not returned.
create or replace view reporting.plan_progress with (security_invoker = true) as
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
  left join app.monthly_reports r on r.project_id = pl.project_id and r.month = m.month_date and r.status <> 'returned'
window w as (partition by pl.id order by m.month_date);
