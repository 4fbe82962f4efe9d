-- 0090 a notification stores what happened, not its words (issue 20: one catalogue). Each row
-- keeps its kind and `arguments`, a jsonb object of raw values (project code and name, months
-- `YYYY-MM`, dates `YYYY-MM-DD`, amounts as decimals, a reviewer's comment…), all as strings;
-- the server words the title and body from its message catalogue (`Campaign.NotificationWords`)
-- in the reader's language when it serves them. The SQL wording functions of 0061 go: the
-- catalogue is their one home.

alter table app.notifications add column arguments jsonb not null default '{}'::jsonb
    constraint notifications_arguments_check check (jsonb_typeof(arguments) = 'object');

-- Existing rows: the facts come from their subject (project, report, problem, run, bulletin);
-- what only the old text held (a deadline, figures, a comment as it was) is read back from it.
create function pg_temp.amount(text) returns text
    language sql immutable
    as $$ select replace($1, ',', '') $$;

create function pg_temp.day(body text, fallback date) returns text
    language sql immutable
    as $$
select coalesce(
    (select make_date(m[1]::int, m[2]::int, m[3]::int)::text from regexp_match(body, '(\d{4})年(\d{1,2})月(\d{1,2})日') m),
    (regexp_match(body, '(\d{4}-\d{2}-\d{2})'))[1],
    fallback::text)
$$;

update app.notifications n
   set arguments = jsonb_build_object(
           'code', p.code, 'name', p.name, 'month', to_char(n.month, 'YYYY-MM'),
           'deadline', pg_temp.day(n.body, (n.month + interval '1 month 4 days')::date))
  from app.projects p
 where n.kind in ('report_due', 'report_late') and n.subject_type = 'project' and p.id = n.subject_id;

update app.notifications n
   set arguments = jsonb_build_object(
           'code', p.code, 'name', p.name, 'month', to_char(n.month, 'YYYY-MM'),
           'actual', pg_temp.amount(m.f[1]), 'plan', pg_temp.amount(m.f[2]), 'ratio', (pg_temp.amount(m.f[3])::numeric / 100)::text)
  from app.projects p,
       (select id, regexp_match(body, '([0-9][0-9,]*(?:\.[0-9]+)?) ?万元[^0-9]*([0-9][0-9,]*(?:\.[0-9]+)?) ?万元[^0-9]*([0-9][0-9,]*(?:\.[0-9]+)?)%') f
          from app.notifications where kind = 'behind_plan') m
 where n.id = m.id and p.id = n.subject_id and m.f is not null;

update app.notifications n
   set arguments = jsonb_build_object(
           'code', p.code, 'name', p.name, 'month', to_char(r.month, 'YYYY-MM'),
           'comment', coalesce((regexp_match(n.body, '^退回意见：(.*?)。*请修改后重新报送。$'))[1], r.review_comment, ''))
  from app.monthly_reports r join app.projects p on p.id = r.project_id
 where n.kind = 'report_returned' and r.id = n.subject_id;

update app.notifications n
   set arguments = jsonb_build_object(
           'code', p.code, 'name', p.name, 'problem_kind', x.kind, 'description', left(x.description, 200),
           'due_on', case when n.period ~ '^\d{4}-\d{2}-\d{2}$' then n.period else x.due_on::text end,
           'escalate_days', coalesce((regexp_match(n.title || n.body, '逾期 (\d+) 天'))[1], '7'),
           'leader', (regexp_match(n.title, '（包保县领导：(.*)）'))[1],
           'department', nullif((regexp_match(n.body, '（责任单位：(.*?)）'))[1], '未指定'))
  from app.problems x join app.projects p on p.id = x.project_id
 where n.kind in ('problem_overdue', 'problem_escalated', 'problem_raised') and x.id = n.subject_id;

update app.notifications n
   set arguments = jsonb_build_object(
           'year', ar.year::text, 'period', ar.period, 'score', r.score_rounded::text, 'rank', r.rank::text)
  from app.assessment_runs ar join app.assessment_results r on r.run_id = ar.id
 where n.kind = 'assessment_published' and ar.id = n.subject_id and r.agency_id = n.agency_id;

update app.notifications n
   set arguments = jsonb_build_object('title', b.title, 'number', b.number)
  from app.bulletins b
 where n.kind = 'bulletin_issued' and b.id = n.subject_id;

-- A row whose figures its text no longer shows (none is known) keeps its words as they were.
update app.notifications
   set arguments = jsonb_build_object('title', title, 'body', body)
 where arguments = '{}'::jsonb;

-- Writers record arguments; the wording is the server's.
drop function app.notify_agency(bigint, text, text, text, text, bigint, date, text);
alter table app.notifications drop column title, drop column body;

create function app.notify_agency(p_agency_id bigint, p_kind text, p_arguments jsonb,
                                  p_subject_type text, p_subject_id bigint, p_month date, p_period text)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$
insert into app.notifications (agency_id, kind, arguments, subject_type, subject_id, month, period)
values (p_agency_id, p_kind, jsonb_strip_nulls(p_arguments), p_subject_type, p_subject_id, p_month, p_period)
on conflict on constraint notifications_once_key do nothing
$$;
alter function app.notify_agency(bigint, text, jsonb, text, bigint, date, text) owner to projectyear_definer;
revoke all on function app.notify_agency(bigint, text, jsonb, text, bigint, date, text) from public;

create or replace function app.tg_monthly_reports_returned() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    p app.projects;
begin
    select * into p from app.projects where id = new.project_id;
    perform app.notify_agency(
        p.district_id, 'report_returned',
        jsonb_build_object('code', p.code, 'name', p.name, 'month', to_char(new.month, 'YYYY-MM'), 'comment', new.review_comment),
        'report', new.id, new.month, 'v' || new.version);
    return null;
end
$$;

create or replace function app.tg_assessment_runs_published() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    insert into app.notifications (agency_id, kind, arguments, subject_type, subject_id, period)
    select r.agency_id, 'assessment_published',
           jsonb_strip_nulls(jsonb_build_object('year', new.year::text, 'period', new.period,
                                                'score', r.score_rounded::text, 'rank', r.rank::text)),
           'assessment', new.id, ''
      from app.assessment_results r
     where r.run_id = new.id
        on conflict on constraint notifications_once_key do nothing;
    return null;
end
$$;

create or replace function app.tg_bulletins_notify() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    insert into app.notifications (agency_id, kind, arguments, subject_type, subject_id, period)
    select a.id, 'bulletin_issued', jsonb_build_object('title', new.title, 'number', new.number), 'bulletin', new.id, ''
      from app.agencies a
        on conflict on constraint notifications_once_key do nothing;
    return null;
end
$$;

create or replace function app.tg_problems_tell_commissioner() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    p app.projects;
    agency bigint;
begin
    select c.agency_id into agency
      from app.project_service s cross join lateral app.user_cards(array[s.commissioner_user_id]) c
     where s.project_id = new.project_id;
    if agency is null then return null; end if;
    select * into p from app.projects where id = new.project_id;
    perform app.notify_agency(
        agency, 'problem_raised',
        jsonb_build_object('code', p.code, 'name', p.name, 'problem_kind', new.kind,
                           'description', left(new.description, 200), 'due_on', new.due_on::text),
        'problem', new.id, null, '');
    return null;
end
$$;

drop function app.wording_money(numeric), app.wording_percent(numeric), app.wording_month(date),
    app.wording_date(date), app.wording_sentence(text);
