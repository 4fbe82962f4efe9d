-- PUT /api/v1/projects/{id}/reports/{month} creating a new report, as a district editor whose token
-- the server has cached: the six statements the server sends (checked by benchmarks/api.sh
-- against PostgreSQL's statement log), with the same parameters except the month, which pgbench
-- cannot bind as a date: make_date(:y, :m, 1), and the two empty texts, which are literals (''). benchmarks/api.sh writes this file with the
-- district's project ids in the \if chain below (client-side: no statement picks the project).
-- Every transaction creates a report no other did: slot k × 64 + client, from :base.
\set slot :base + :k * 64 + :client_id
\set k :k + 1
\set pick mod(:slot, :nprojects)
\set mo mod(:slot / :nprojects, 312)
\set y 2000 + :mo / 12
\set m mod(:mo, 12) + 1
