-- As list.sql, prepared (-M prepared) and sent as one pipeline: the best any client can do. GET /api/v1/projects as a district editor whose token the server has cached: the four statements
-- the server sends (benchmarks/api.sh checks them against PostgreSQL's statement log), with the
-- same parameters. pgbench cannot bind NULL, so the sixteen NULL filter parameters are
-- nullif(:none, 'none'), which a custom plan folds to NULL as it folds the server's NULLs.
\startpipeline
BEGIN READ ONLY;
SELECT set_config('role', :role, true),
       set_config('app.user_id', :uid, true),
       set_config('app.agency_id', :aid, true),
       set_config('app.agency_kind', :kind, true),
       set_config('app.role', :urole, true);
SELECT * FROM (SELECT p.id, p.version, p.updated_at, p.code, p.name, p.owner, p.category, p.industry, p.stage, p.major,
p.district_id, p.lead_department_id, p.park_id, p.total_investment, p.planned_start, p.planned_completion,
p.actual_start, p.actual_completion, p.land_area, p.eia_class, p.green_channel, p.central_soe, p.national_code, count(*) OVER () AS total FROM app.projects p WHERE (nullif(:none, 'none')::bigint IS NULL OR p.district_id = nullif(:none, 'none')::bigint)
   AND (nullif(:none, 'none')::bigint IS NULL OR p.lead_department_id = nullif(:none, 'none')::bigint)
   AND (nullif(:none, 'none')::text IS NULL OR p.category = nullif(:none, 'none'))
   AND (nullif(:none, 'none')::text IS NULL OR p.stage = nullif(:none, 'none'))
   AND (nullif(:none, 'none')::boolean IS NULL OR p.major = nullif(:none, 'none')::boolean)
   AND (nullif(:none, 'none')::bigint IS NULL OR p.park_id = nullif(:none, 'none')::bigint)
   AND (nullif(:none, 'none')::text IS NULL OR p.name ILIKE nullif(:none, 'none') OR p.code ILIKE nullif(:none, 'none') OR p.national_code ILIKE nullif(:none, 'none'))) p ORDER BY p.code LIMIT :limit OFFSET :offset;
COMMIT;
\endpipeline
