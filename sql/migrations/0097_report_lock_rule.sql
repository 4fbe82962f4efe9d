-- 0097 "an approved report is locked" has one home: app.report_locked(status). The review trigger
-- (0021), the attachments' lock (0056), the monthly-report import's check and the report PUT (which
-- reads it with the report) all ask it, so no writer, raw SQL included, can apply another rule.
-- The trigger now also counts a changed 情况说明 (0080's explanation) as a resubmission, so an
-- approved report's explanation is locked with the rest of it.

-- Whether the caller may not change a report in `p_status`: it is approved and the caller is no
-- county agency. Without a caller (migrations, the demo, the superuser) nothing is locked.
create function app.report_locked(p_status text) returns boolean
    language sql stable
    as $$
        select p_status = 'approved'
           and app.current_agency_kind() is distinct from 'county' and app.current_agency_kind() is not null
    $$;

create or replace function app.report_locked(p_project_id bigint, p_month date) returns boolean
    language sql stable
    as $$
        select exists (select 1 from app.monthly_reports r
                        where r.project_id = p_project_id and r.month = p_month and app.report_locked(r.status))
    $$;

create or replace function app.tg_monthly_reports_review() returns trigger
    language plpgsql
    as $$
declare
    kind text := app.current_agency_kind();
begin
    if tg_op = 'DELETE' then
        if app.report_locked(old.status) then
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
    if (new.project_id, new.month, new.investment_completed, new.progress, new.problems, new.explanation, new.submitted_at,
        new.submitted_by)
       is distinct from (old.project_id, old.month, old.investment_completed, old.progress, old.problems, old.explanation,
                         old.submitted_at, old.submitted_by) then
        if kind = 'department' then
            raise exception 'a department reviews monthly reports; the project''s district writes them'
                using errcode = '42501';
        end if;
        if app.report_locked(old.status) then
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
