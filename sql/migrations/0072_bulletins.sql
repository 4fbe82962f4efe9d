-- 0072 bulletins (通报, DOMAIN.md "The coordination loop"). A draft records its figures (computed
-- in SQL from the data as of its cut-off, BulletinQueries) as jsonb, so an issued bulletin can be
-- reproduced; county editors edit its editorial text; issuing takes the next number of the year
-- from app.bulletin_numbers, whose row lock makes concurrent issues wait for one another: one
-- gapless sequence per year. An issued bulletin never changes and every agency sees it.

create table app.bulletin_numbers (
    year integer constraint bulletin_numbers_pkey primary key,
    last_number integer not null default 0
);
grant select, insert, update on app.bulletin_numbers to projectyear_app;
alter table app.bulletin_numbers enable row level security;
alter table app.bulletin_numbers force row level security;
create policy bulletin_numbers_county on app.bulletin_numbers for all to projectyear_app
    using ((select app.is_county()) and (select app.can_write()))
    with check ((select app.is_county()) and (select app.can_write()));

create table app.bulletins (
    id bigint generated always as identity constraint bulletins_pkey primary key,
    kind text not null constraint bulletins_kind_check check (kind in ('monthly', 'assessment')),
    month date constraint bulletins_month_check check (month = date_trunc('month', month)::date),
    run_id bigint constraint bulletins_run_id_fkey references app.assessment_runs,
    cut_off date not null,
    title text not null constraint bulletins_title_check check (length(btrim(title)) between 1 and 200),
    lead_text text not null default '' constraint bulletins_lead_text_check check (length(lead_text) <= 10000),
    requirements_text text not null default '' constraint bulletins_requirements_text_check check (length(requirements_text) <= 10000),
    figures jsonb not null,
    status text not null default 'draft' constraint bulletins_status_check check (status in ('draft', 'issued')),
    year integer,
    serial integer,
    number text,
    issued_at timestamptz,
    issued_by bigint,
    constraint bulletins_kind_subject_check check ((kind = 'monthly') = (month is not null) and (kind = 'assessment') = (run_id is not null)),
    constraint bulletins_issued_check check ((status = 'issued') = (number is not null and serial is not null and issued_at is not null)),
    constraint bulletins_year_serial_key unique (year, serial)
);
create index bulletins_status_idx on app.bulletins (status, id desc);
call app.setup_table('app.bulletins');

create function app.tg_bulletins_issued() returns trigger
    language plpgsql
    as $$
begin
    if old.status = 'issued' then
        raise exception '通报已印发，不能再修改' using errcode = '55000', constraint = 'bulletins_issued';
    end if;
    return coalesce(new, old);
end
$$;
create trigger bulletins_issued before update or delete on app.bulletins
    for each row execute function app.tg_bulletins_issued();

grant select, insert, update on app.bulletins to projectyear_app;
create policy bulletins_select on app.bulletins for select to projectyear_app
    using ((select app.is_county()) or status = 'issued');
create policy bulletins_insert on app.bulletins for insert to projectyear_app
    with check ((select app.is_county()) and (select app.can_write()));
create policy bulletins_update on app.bulletins for update to projectyear_app
    using ((select app.is_county()) and (select app.can_write()))
    with check ((select app.is_county()) and (select app.can_write()));

alter table app.notifications drop constraint notifications_kind_check;
alter table app.notifications add constraint notifications_kind_check
    check (kind in ('report_due', 'report_late', 'report_returned', 'problem_overdue', 'problem_escalated',
                    'behind_plan', 'assessment_published', 'bulletin_issued'));
alter table app.notifications drop constraint notifications_subject_type_check;
alter table app.notifications add constraint notifications_subject_type_check
    check (subject_type in ('project', 'report', 'problem', 'assessment', 'bulletin'));

-- bulletin_issued: every agency is told when a bulletin is issued.
create function app.tg_bulletins_notify() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    insert into app.notifications (agency_id, kind, title, body, subject_type, subject_id, period)
    select a.id, 'bulletin_issued', format('【通报】%s', new.title),
           format('%s 已印发，请查阅并按要求落实。', new.number), 'bulletin', new.id, ''
      from app.agencies a
        on conflict on constraint notifications_once_key do nothing;
    return null;
end
$$;
alter function app.tg_bulletins_notify() owner to projectyear_definer;
create trigger bulletins_notify after update of status on app.bulletins
    for each row when (new.status = 'issued' and old.status = 'draft')
    execute function app.tg_bulletins_notify();
