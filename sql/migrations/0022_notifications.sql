-- 0022 notifications (提醒与督办): what an agency must act on, produced by the worker's reminder
-- scan and by the review and publishing triggers; read state is per user. An agency sees its
-- own notifications only (the county included): row-level security decides, for the list and
-- for the server-sent event stream alike.

create table app.notifications (
    id bigint generated always as identity constraint notifications_pkey primary key,
    agency_id bigint not null constraint notifications_agency_id_fkey references app.agencies,
    kind text not null constraint notifications_kind_check
        check (kind in ('report_due', 'report_late', 'report_returned', 'problem_overdue', 'problem_escalated',
                        'behind_plan', 'assessment_published')),
    title text not null constraint notifications_title_check check (length(btrim(title)) between 1 and 300),
    body text not null default '' constraint notifications_body_check check (length(body) <= 4000),
    subject_type text not null constraint notifications_subject_type_check
        check (subject_type in ('project', 'report', 'problem', 'assessment')),
    subject_id bigint not null,
    month date constraint notifications_month_check check (month = date_trunc('month', month)::date),
    -- The period the reminder is about (a month, a due date, a report version, a run): with the
    -- agency, kind and subject it makes each notification exactly-once, whoever inserts it.
    period text not null default '',
    constraint notifications_once_key unique (agency_id, kind, subject_type, subject_id, period)
);
create index notifications_agency_id_idx on app.notifications (agency_id, id);
call app.setup_table('app.notifications');

create table app.notification_reads (
    id bigint generated always as identity constraint notification_reads_pkey primary key,
    notification_id bigint not null constraint notification_reads_notification_id_fkey references app.notifications on delete cascade,
    user_id bigint not null constraint notification_reads_user_id_fkey references app.users,
    constraint notification_reads_notification_id_user_id_key unique (notification_id, user_id)
);
create index notification_reads_user_id_idx on app.notification_reads (user_id, notification_id);
call app.setup_table('app.notification_reads');

grant select on app.notifications to projectyear_app;
grant select, insert on app.notification_reads to projectyear_app;
-- Writers insert with ON CONFLICT DO NOTHING (exactly once), for which PostgreSQL requires the
-- new row to be readable by them: the worker and the definer read notifications.
grant select, insert on app.notifications to projectyear_worker, projectyear_definer;

create policy notifications_select on app.notifications for select to projectyear_app
    using (agency_id = (select app.current_agency_id()));
create policy notifications_worker on app.notifications for select to projectyear_worker using (true);
create policy notifications_worker_insert on app.notifications for insert to projectyear_worker with check (true);
create policy notifications_definer on app.notifications for select to projectyear_definer using (true);
create policy notifications_definer_insert on app.notifications for insert to projectyear_definer with check (true);
create policy notification_reads_select on app.notification_reads for select to projectyear_app
    using (user_id = (select app.current_user_id()));
create policy notification_reads_insert on app.notification_reads for insert to projectyear_app
    with check (user_id = (select app.current_user_id()) and notification_id in (select n.id from app.notifications n));

-- Servers LISTEN notifications; the payload is an agency whose subscribers should look for new
-- rows (one per agency and statement, whatever the number of rows).
create function app.tg_notifications_notify() returns trigger
    language plpgsql
    as $$
begin
    perform pg_notify('notifications', a.agency_id::text) from (select distinct agency_id from inserted) a;
    return null;
end
$$;
create trigger notifications_notify after insert on app.notifications
    referencing new table as inserted for each statement execute function app.tg_notifications_notify();

-- Notifications raised by a caller's own act are written by the definer (callers insert none).
create function app.notify_agency(p_agency_id bigint, p_kind text, p_title text, p_body text,
                                  p_subject_type text, p_subject_id bigint, p_month date, p_period text)
    returns void
    language sql volatile security definer set search_path = app, pg_temp
    as $$
insert into app.notifications (agency_id, kind, title, body, subject_type, subject_id, month, period)
values (p_agency_id, p_kind, p_title, p_body, p_subject_type, p_subject_id, p_month, p_period)
on conflict on constraint notifications_once_key do nothing
$$;
alter function app.notify_agency(bigint, text, text, text, text, bigint, date, text) owner to projectyear_definer;
revoke all on function app.notify_agency(bigint, text, text, text, text, bigint, date, text) from public;

-- report_returned: when a reviewer returns a report, its district is told, with the comment.
create function app.tg_monthly_reports_returned() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    p app.projects;
begin
    select * into p from app.projects where id = new.project_id;
    perform app.notify_agency(
        p.district_id, 'report_returned',
        format('%s %s 的 %s 月报被退回', p.code, p.name, to_char(new.month, 'YYYY-MM')),
        format('退回意见：%s。请修改后重新报送。', new.review_comment),
        'report', new.id, new.month, 'v' || new.version);
    return null;
end
$$;
alter function app.tg_monthly_reports_returned() owner to projectyear_definer;
create trigger monthly_reports_returned after update of status on app.monthly_reports
    for each row when (new.status = 'returned' and old.status is distinct from 'returned')
    execute function app.tg_monthly_reports_returned();

-- assessment_published: every agency with a result in the run is told when it is published.
create function app.tg_assessment_runs_published() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    insert into app.notifications (agency_id, kind, title, body, subject_type, subject_id, period)
    select r.agency_id, 'assessment_published',
           format('%s年%s考核结果已发布', new.year,
                  case new.period when 'Q1' then '第一季度' when 'Q2' then '第二季度' when 'Q3' then '第三季度'
                                  when 'Q4' then '第四季度' else '年度' end),
           format('本单位得分 %s，排名 %s。', coalesce(r.score_rounded::text, '—'), coalesce(r.rank::text, '不参与排名')),
           'assessment', new.id, ''
      from app.assessment_results r
     where r.run_id = new.id
        on conflict on constraint notifications_once_key do nothing;
    return null;
end
$$;
alter function app.tg_assessment_runs_published() owner to projectyear_definer;
grant select on app.assessment_results to projectyear_definer;
create policy assessment_results_definer on app.assessment_results for select to projectyear_definer using (true);
create trigger assessment_runs_published after update of status on app.assessment_runs
    for each row when (new.status = 'published' and old.status <> 'published')
    execute function app.tg_assessment_runs_published();
