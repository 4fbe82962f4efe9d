-- 0006 investment attraction: teams led by departments, their deals, receipts of funds in place.

create table app.attraction_teams (
    id bigint generated always as identity constraint attraction_teams_pkey primary key,
    name text not null constraint attraction_teams_name_key unique
        constraint attraction_teams_name_check check (length(btrim(name)) between 1 and 200),
    lead_department_id bigint not null constraint attraction_teams_lead_department_id_fkey references app.agencies
);
create index attraction_teams_lead_department_id_idx on app.attraction_teams (lead_department_id);
call app.setup_table('app.attraction_teams');
create trigger attraction_teams_lead_department_kind before insert or update on app.attraction_teams
    for each row execute function app.tg_agency_kind('lead_department_id', 'department',
                                                     'attraction_teams_lead_department_id_fkey');

create table app.deals (
    id bigint generated always as identity constraint deals_pkey primary key,
    team_id bigint not null constraint deals_team_id_fkey references app.attraction_teams,
    investor text not null constraint deals_investor_check check (length(btrim(investor)) between 1 and 300),
    investor_kind text not null constraint deals_investor_kind_check
        check (investor_kind in ('central_soe', 'state_owned', 'private', 'foreign', 'hk_macao', 'other')),
    signed_amount numeric(16,2) not null default 0 constraint deals_signed_amount_check check (signed_amount >= 0),
    signed_on date not null,
    district_id bigint not null constraint deals_district_id_fkey references app.agencies,
    project_id bigint constraint deals_project_id_fkey references app.projects
);
create index deals_team_id_idx on app.deals (team_id);
create index deals_district_id_idx on app.deals (district_id);
create index deals_project_id_idx on app.deals (project_id);
call app.setup_table('app.deals');
create trigger deals_district_kind before insert or update on app.deals
    for each row execute function app.tg_agency_kind('district_id', 'district', 'deals_district_id_fkey');

create table app.receipts (
    id bigint generated always as identity constraint receipts_pkey primary key,
    deal_id bigint not null constraint receipts_deal_id_fkey references app.deals on delete cascade,
    received_on date not null,
    amount numeric(16,2) not null constraint receipts_amount_check check (amount >= 0)
);
create index receipts_deal_id_idx on app.receipts (deal_id, received_on);
create index receipts_received_on_idx on app.receipts (received_on);
call app.setup_table('app.receipts');

grant select, insert, update, delete on app.attraction_teams, app.deals, app.receipts to projectyear_app;
grant select on app.attraction_teams, app.deals, app.receipts to projectyear_worker, projectyear_analyst;

-- Teams: the county, and the department leading the team, see it; the county manages teams.
create policy attraction_teams_select on app.attraction_teams for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or lead_department_id = (select app.my_department()));
create policy attraction_teams_worker on app.attraction_teams for select to projectyear_worker using (true);
call app.create_write_policies('app.attraction_teams', '(select app.is_county()) and (select app.can_write())');

-- Deals: seen by the county, the district they land in and the department leading the team;
-- written by county writers and writers of the leading department.
create policy deals_select on app.deals for select to projectyear_app, projectyear_analyst
    using ((select app.is_county())
           or district_id = (select app.my_district())
           or team_id in (select t.id from app.attraction_teams t where t.lead_department_id = (select app.my_department())));
create policy deals_worker on app.deals for select to projectyear_worker using (true);
call app.create_write_policies('app.deals', '(select app.can_write()) and ((select app.is_county())
    or team_id in (select t.id from app.attraction_teams t where t.lead_department_id = (select app.my_department())))');

-- Receipts follow their deal.
create policy receipts_select on app.receipts for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or deal_id in (select d.id from app.deals d));
create policy receipts_worker on app.receipts for select to projectyear_worker using (true);
call app.create_write_policies('app.receipts', '(select app.can_write()) and ((select app.is_county())
    or deal_id in (select d.id from app.deals d join app.attraction_teams t on t.id = d.team_id
                    where t.lead_department_id = (select app.my_department())))');
