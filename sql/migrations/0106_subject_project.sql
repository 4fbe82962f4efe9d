-- The project a row that a notification or an agenda item points to belongs to: the project
-- itself, a monthly report's, a problem's or an approval's; null for any other kind of row, or
-- when the caller cannot see it. SECURITY INVOKER and plain SQL, so the caller's row-level
-- security decides and PostgreSQL inlines it into the statement that calls it.
create function app.subject_project_id(p_type text, p_id bigint) returns bigint
language sql stable parallel safe as $$
    select case p_type
        when 'project' then (select p.id from app.projects p where p.id = p_id)
        when 'report' then (select m.project_id from app.monthly_reports m where m.id = p_id)
        when 'problem' then (select x.project_id from app.problems x where x.id = p_id)
        when 'approval' then (select a.project_id from app.approvals a where a.id = p_id)
    end
$$;
