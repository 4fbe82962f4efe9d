-- 0056 attachments follow their month's report (issue 19): the attachments of a month whose report
-- is approved are locked as the report is (0021): only a county editor adds or deletes them until
-- the report is reopened. Months that have not begun are refused by the API (CampaignClock), as
-- for reports. Names are counted in Unicode scalars by the API as by 0031's check.

-- Whether the caller may not change what belongs to `p_month`'s report of the project: the report
-- is approved and the caller is no county agency (0021's lock; no caller: migrations, the demo).
create function app.report_locked(p_project_id bigint, p_month date) returns boolean
    language sql stable
    as $$
        select app.current_agency_kind() is distinct from 'county' and app.current_agency_kind() is not null
           and exists (select 1 from app.monthly_reports r
                        where r.project_id = p_project_id and r.month = p_month and r.status = 'approved')
    $$;

create function app.tg_attachments_month_locked() returns trigger
    language plpgsql
    as $$
declare
    target app.attachments := case tg_op when 'DELETE' then old else new end;
begin
    if target.month is not null and app.report_locked(target.project_id, target.month) then
        raise exception 'the report of % is approved and locked; ask a county editor to reopen it', to_char(target.month, 'YYYY-MM')
            using errcode = '55000', constraint = 'monthly_reports_approved_locked';
    end if;
    return target;
end
$$;
create trigger attachments_month_locked before insert or delete on app.attachments
    for each row execute function app.tg_attachments_month_locked();
