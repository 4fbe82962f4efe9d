-- 0073 a project's service commissioner (服务专员) is told of every problem raised on it
-- (problem_raised, to the commissioner's department), as DOMAIN.md's service responsibility
-- asks; overdue problems and decisions and escalations reach them through the reminder scan.
alter table app.notifications drop constraint notifications_kind_check;
alter table app.notifications add constraint notifications_kind_check
    check (kind in ('report_due', 'report_late', 'report_returned', 'problem_overdue', 'problem_escalated',
                    'behind_plan', 'assessment_published', 'bulletin_issued', 'problem_raised'));

create function app.tg_problems_tell_commissioner() returns trigger
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
        format('【包保项目】%s %s：新增%s', p.code, p.name, case when new.kind = 'meeting_decision' then '会议决定事项' else '困难问题' end),
        format('“%s”%s', left(new.description, 200), coalesce('，办结期限 ' || new.due_on, '')),
        'problem', new.id, null, '');
    return null;
end
$$;
alter function app.tg_problems_tell_commissioner() owner to projectyear_definer;
create trigger problems_tell_commissioner after insert on app.problems
    for each row execute function app.tg_problems_tell_commissioner();
