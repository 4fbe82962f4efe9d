-- 0005 park infrastructure items and construction-land quotas with their allocations.

-- 六通一平 six_one: water, drainage, power, telecom, road, gas + levelling;
-- 八通一平 eight_one: the same plus heating and cable_tv.
create function app.park_standard_items(p_standard text) returns text[]
    language sql immutable parallel safe
    as $$
select case p_standard
    when 'six_one' then array['water', 'drainage', 'power', 'telecom', 'road', 'gas', 'levelling']
    when 'eight_one' then array['water', 'drainage', 'power', 'telecom', 'road', 'gas', 'heating', 'cable_tv', 'levelling']
end
$$;

create table app.park_items (
    id bigint generated always as identity constraint park_items_pkey primary key,
    park_id bigint not null constraint park_items_park_id_fkey references app.parks,
    item text not null constraint park_items_item_check
        check (item in ('water', 'drainage', 'power', 'telecom', 'road', 'gas', 'heating', 'cable_tv', 'levelling')),
    status text not null default 'planned' constraint park_items_status_check
        check (status in ('planned', 'building', 'done')),
    planned_investment numeric(16,2) not null default 0
        constraint park_items_planned_investment_check check (planned_investment >= 0),
    completed_investment numeric(16,2) not null default 0
        constraint park_items_completed_investment_check check (completed_investment >= 0),
    constraint park_items_park_id_item_key unique (park_id, item)
);
call app.setup_table('app.park_items');

create function app.tg_park_items_standard() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    std text := (select p.standard from app.parks p where p.id = new.park_id);
begin
    if std is not null and not new.item = any (app.park_standard_items(std)) then
        raise exception 'item % is not part of the park''s standard %', new.item, std
            using errcode = '23514', constraint = 'park_items_item_standard';
    end if;
    return new;
end
$$;
alter function app.tg_park_items_standard() owner to projectyear_definer;
grant select on app.parks to projectyear_definer;
create policy parks_definer on app.parks for select to projectyear_definer using (true);
create trigger park_items_item_standard before insert or update on app.park_items
    for each row execute function app.tg_park_items_standard();

create function app.tg_parks_standard() returns trigger
    language plpgsql
    as $$
begin
    if exists (select 1 from app.park_items i
                where i.park_id = new.id and not i.item = any (app.park_standard_items(new.standard))) then
        raise exception 'the park has items outside the standard %', new.standard
            using errcode = '23514', constraint = 'park_items_item_standard';
    end if;
    return new;
end
$$;
create trigger parks_standard_items before update of standard on app.parks
    for each row execute function app.tg_parks_standard();

create table app.land_quotas (
    year integer constraint land_quotas_pkey primary key
        constraint land_quotas_year_check check (year between 2000 and 2100),
    quota_mu numeric(12,2) not null constraint land_quotas_quota_mu_check check (quota_mu >= 0),
    reserved_mu numeric(12,2) not null default 0 constraint land_quotas_reserved_mu_check check (reserved_mu >= 0),
    constraint land_quotas_reserved_within_quota check (reserved_mu <= quota_mu)
);
call app.setup_table('app.land_quotas');

create table app.land_allocations (
    id bigint generated always as identity constraint land_allocations_pkey primary key,
    year integer not null constraint land_allocations_year_fkey references app.land_quotas,
    project_id bigint not null constraint land_allocations_project_id_fkey references app.projects,
    area_mu numeric(12,2) not null constraint land_allocations_area_mu_check check (area_mu > 0),
    from_reserve boolean not null default false
);
create index land_allocations_project_id_idx on app.land_allocations (project_id);
create index land_allocations_year_idx on app.land_allocations (year);
call app.setup_table('app.land_allocations', 'project_id');

-- Allocations never exceed the quota; the reserved share goes only to major projects. The
-- year's quota row is locked first, so concurrent allocations take turns (READ COMMITTED: each
-- statement below sees what the previous holder committed). Runs as definer so the sums
-- cover every allocation whatever the caller may see; messages carry only the year's totals.
create function app.tg_land_allocations_check() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    q app.land_quotas;
    used_reserve numeric;
    used_regular numeric;
begin
    select * into q from app.land_quotas where year = new.year for update;
    if new.from_reserve and not (select p.major from app.projects p where p.id = new.project_id) then
        raise exception 'the reserved land quota is for major projects only'
            using errcode = '23514', constraint = 'land_allocations_reserve';
    end if;
    select coalesce(sum(area_mu) filter (where from_reserve), 0), coalesce(sum(area_mu) filter (where not from_reserve), 0)
      into used_reserve, used_regular
      from app.land_allocations
     where year = new.year and id <> new.id;
    if new.from_reserve and used_reserve + new.area_mu > q.reserved_mu then
        raise exception 'the % reserved land quota has % 亩 left', q.year, q.reserved_mu - used_reserve
            using errcode = '23514', constraint = 'land_allocations_reserve';
    end if;
    if not new.from_reserve and used_regular + new.area_mu > q.quota_mu - q.reserved_mu then
        raise exception 'the % land quota has % 亩 left outside the reserve', q.year, q.quota_mu - q.reserved_mu - used_regular
            using errcode = '23514', constraint = 'land_allocations_quota';
    end if;
    return new;
end
$$;
alter function app.tg_land_allocations_check() owner to projectyear_definer;
create trigger land_allocations_quota before insert or update on app.land_allocations
    for each row execute function app.tg_land_allocations_check();

-- Shrinking a quota below what is already allocated is refused the same way.
create function app.tg_land_quotas_check() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    used_reserve numeric;
    used_regular numeric;
begin
    select coalesce(sum(area_mu) filter (where from_reserve), 0), coalesce(sum(area_mu) filter (where not from_reserve), 0)
      into used_reserve, used_regular
      from app.land_allocations where year = new.year;
    if used_reserve > new.reserved_mu then
        raise exception 'the % reserve is already allocated up to % 亩', new.year, used_reserve
            using errcode = '23514', constraint = 'land_allocations_reserve';
    end if;
    if used_regular > new.quota_mu - new.reserved_mu then
        raise exception 'the % quota outside the reserve is already allocated up to % 亩', new.year, used_regular
            using errcode = '23514', constraint = 'land_allocations_quota';
    end if;
    return new;
end
$$;
alter function app.tg_land_quotas_check() owner to projectyear_definer;
create trigger land_quotas_allocated before update on app.land_quotas
    for each row execute function app.tg_land_quotas_check();

grant select, insert, update, delete on app.park_items, app.land_quotas, app.land_allocations to projectyear_app;
grant select on app.park_items, app.land_quotas, app.land_allocations to projectyear_worker, projectyear_analyst;
grant select, update on app.land_quotas to projectyear_definer;
grant select on app.land_allocations, app.projects to projectyear_definer;
create policy land_quotas_definer on app.land_quotas for all to projectyear_definer using (true) with check (true);
create policy land_allocations_definer on app.land_allocations for select to projectyear_definer using (true);
create policy projects_definer on app.projects for select to projectyear_definer using (true);

-- Park items: everybody sees them; the county and the park's district write them.
create policy park_items_select on app.park_items for select to projectyear_app, projectyear_analyst, projectyear_worker
    using (true);
call app.create_write_policies('app.park_items', '(select app.can_write()) and ((select app.is_county())
    or park_id in (select k.id from app.parks k where k.district_id = (select app.my_district())))');

-- Land quotas: county numbers everybody may read; county-only writes.
create policy land_quotas_select on app.land_quotas for select to projectyear_app, projectyear_analyst, projectyear_worker
    using (true);
call app.create_write_policies('app.land_quotas', '(select app.is_county()) and (select app.can_write())');

-- Allocations: visible with their project; county-only writes.
create policy land_allocations_select on app.land_allocations for select to projectyear_app, projectyear_analyst
    using ((select app.is_county()) or project_id in (select p.id from app.projects p));
create policy land_allocations_worker on app.land_allocations for select to projectyear_worker using (true);
call app.create_write_policies('app.land_allocations', '(select app.is_county()) and (select app.can_write())');
