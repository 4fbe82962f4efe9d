-- 0071 coordination meetings (调度会, DOMAIN.md "The coordination loop"). A meeting's agenda is
-- drawn when it is prepared (MeetingQueries.drawAgenda) and stored item by item with its subject,
-- so the minutes say what the meeting saw, whatever changes later. A decision (决定事项) on an
-- item is tracked as a problem of kind meeting_decision, linked to the item, with the reminders
-- and 督办 of any problem. Closing a meeting freezes its agenda, decisions and minutes.

create table app.coordination_settings (
    id boolean primary key default true constraint coordination_settings_single check (id),
    -- Approvals open longer than this many days are drawn onto a meeting's agenda.
    slow_approval_days integer not null default 30 constraint coordination_settings_slow_approval_days_check
        check (slow_approval_days between 1 and 365),
    -- The issuing prefix of bulletin numbers: 余发改通〔2026〕3号.
    bulletin_prefix text not null default '余发改通' constraint coordination_settings_bulletin_prefix_check
        check (length(btrim(bulletin_prefix)) between 1 and 20),
    -- The issuing office printed on documents.
    issuing_office text not null default '余庆县发展和改革局' constraint coordination_settings_issuing_office_check
        check (length(btrim(issuing_office)) between 1 and 60)
);
insert into app.coordination_settings default values;
grant select on app.coordination_settings to projectyear_app, projectyear_worker;
alter table app.coordination_settings enable row level security;
create policy coordination_settings_select on app.coordination_settings for select to projectyear_app, projectyear_worker
    using (true);

create table app.meetings (
    id bigint generated always as identity constraint meetings_pkey primary key,
    kind text not null constraint meetings_kind_check check (kind in ('weekly', 'monthly', 'special')),
    title text not null constraint meetings_title_check check (length(btrim(title)) between 1 and 200),
    held_on date not null,
    chair text not null constraint meetings_chair_check check (length(btrim(chair)) between 1 and 100),
    agency_ids bigint[] not null default '{}',
    status text not null default 'open' constraint meetings_status_check check (status in ('open', 'closed')),
    closed_at timestamptz,
    closed_by bigint
);
create index meetings_held_on_idx on app.meetings (held_on desc, id desc);
create index meetings_agency_ids_idx on app.meetings using gin (agency_ids);
call app.setup_table('app.meetings');

create table app.meeting_items (
    id bigint generated always as identity constraint meeting_items_pkey primary key,
    meeting_id bigint not null constraint meeting_items_meeting_id_fkey references app.meetings,
    position integer not null,
    source text not null constraint meeting_items_source_check
        check (source in ('overdue_problem', 'escalated_problem', 'behind_plan', 'missing_report', 'slow_approval',
                          'carried_over', 'manual')),
    subject_type text not null constraint meeting_items_subject_type_check check (subject_type in ('problem', 'project', 'approval')),
    subject_id bigint not null,
    -- The project the subject belongs to, its code and name as they were when drawn.
    project_id bigint not null constraint meeting_items_project_id_fkey references app.projects,
    subject_code text not null,
    subject_name text not null,
    summary text not null constraint meeting_items_summary_check check (length(btrim(summary)) between 1 and 2000),
    carried_from bigint constraint meeting_items_carried_from_fkey references app.meeting_items,
    decision_text text constraint meeting_items_decision_text_check check (length(btrim(decision_text)) between 1 and 2000),
    decision_agency_id bigint constraint meeting_items_decision_agency_id_fkey references app.agencies,
    decision_due_on date,
    problem_id bigint,
    constraint meeting_items_meeting_id_position_key unique (meeting_id, position),
    constraint meeting_items_decision_check check ((decision_text is null) = (decision_agency_id is null)
                                                    and (decision_text is null) = (decision_due_on is null))
);
create index meeting_items_project_id_idx on app.meeting_items (project_id);
create index meeting_items_problem_id_idx on app.meeting_items (problem_id);
call app.setup_table('app.meeting_items');

-- Decisions are problems of kind meeting_decision, linked to their item.
alter table app.problems drop constraint problems_kind_check;
alter table app.problems add constraint problems_kind_check
    check (kind in ('land', 'environment', 'raw_materials', 'funding', 'approvals', 'other', 'meeting_decision'));
alter table app.problems add column meeting_item_id bigint
    constraint problems_meeting_item_id_fkey references app.meeting_items;
alter table app.problems add constraint problems_meeting_item_id_check
    check ((kind = 'meeting_decision') = (meeting_item_id is not null));
create index problems_meeting_item_id_idx on app.problems (meeting_item_id);
alter table app.meeting_items add constraint meeting_items_problem_id_fkey foreign key (problem_id) references app.problems;

-- A closed meeting never changes, nor do its items (a correction is a new decision).
create function app.tg_meetings_frozen() returns trigger
    language plpgsql
    as $$
declare
    closed boolean;
begin
    if tg_table_name = 'meetings' then
        closed := old.status = 'closed';
    else
        select m.status = 'closed' into closed from app.meetings m where m.id = coalesce(new.meeting_id, old.meeting_id);
    end if;
    if closed then
        raise exception '会议已结束，议题、决定事项和纪要不能再修改；如需更正，请在新的会议中作出决定'
            using errcode = '55000', constraint = 'meetings_closed';
    end if;
    return coalesce(new, old);
end
$$;
create trigger meetings_frozen before update or delete on app.meetings
    for each row execute function app.tg_meetings_frozen();
create trigger meeting_items_frozen before insert or update or delete on app.meeting_items
    for each row execute function app.tg_meetings_frozen();

grant select, insert, update on app.meetings, app.meeting_items to projectyear_app;
grant select on app.meetings, app.meeting_items to projectyear_worker;
-- The county sees every meeting; an agency those it attends.
create policy meetings_select on app.meetings for select to projectyear_app
    using ((select app.is_county()) or (select app.current_agency_id()) = any (agency_ids));
create policy meetings_write on app.meetings for insert to projectyear_app
    with check ((select app.is_county()) and (select app.can_write()));
create policy meetings_update on app.meetings for update to projectyear_app
    using ((select app.is_county()) and (select app.can_write()))
    with check ((select app.is_county()) and (select app.can_write()));
create policy meetings_worker on app.meetings for select to projectyear_worker using (true);
create policy meeting_items_select on app.meeting_items for select to projectyear_app
    using (meeting_id in (select m.id from app.meetings m));
create policy meeting_items_insert on app.meeting_items for insert to projectyear_app
    with check ((select app.is_county()) and (select app.can_write()));
create policy meeting_items_update on app.meeting_items for update to projectyear_app
    using ((select app.is_county()) and (select app.can_write()))
    with check ((select app.is_county()) and (select app.can_write()));
create policy meeting_items_worker on app.meeting_items for select to projectyear_worker using (true);
