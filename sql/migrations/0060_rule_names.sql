-- 0060 every rule a trigger enforces is answered by its own name and names its column, so the API
-- maps database errors by SQLSTATE, constraint, table and column alone (DatabaseErrorMapping),
-- never by the English text of the message. Renamed: a district reopening a cancelled project
-- (projects_stage_reopen), the reserve refused to a project that is not major
-- (land_allocations_reserve_major), a quota shrunk below what is allocated
-- (land_quotas_reserved_allocated, land_quotas_quota_allocated), a park's new standard that
-- leaves items outside it (parks_standard_items) and an agency of the wrong kind
-- (<table>_<column>_kind, SQLSTATE 23503 as before). The messages stay for logs and psql.

create or replace function app.tg_agency_kind() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    ref bigint := (to_jsonb(new) ->> tg_argv[0])::bigint;
    k text;
begin
    if ref is null then return new; end if;
    select a.kind into k from app.agencies a where a.id = ref;
    if k is not null and not k = any (string_to_array(tg_argv[1], '|')) then
        raise exception '% must be an agency of kind %', tg_argv[0], replace(tg_argv[1], '|', ' or ')
            using errcode = '23503', constraint = tg_table_name || '_' || tg_argv[0] || '_kind',
                  table = tg_table_name, column = tg_argv[0];
    end if;
    return new;
end
$$;

create or replace function app.tg_projects_stage() returns trigger
    language plpgsql
    as $$
declare
    kind text := app.current_agency_kind();
begin
    if new.stage = old.stage or kind = 'county' or kind is null then
        return new;
    end if;
    if old.stage = 'cancelled' then
        raise exception 'only the county can reopen a cancelled project'
            using errcode = '23514', constraint = 'projects_stage_reopen', table = 'projects', column = 'stage';
    end if;
    if new.stage in ('suspended', 'cancelled') then
        return new;
    end if;
    if old.stage = 'suspended' then
        if app.stage_rank(new.stage) >= app.stage_rank('preliminary') then return new; end if;
    elsif app.stage_rank(new.stage) >= app.stage_rank(old.stage) then
        return new;
    end if;
    raise exception 'stage cannot move back from % to %', old.stage, new.stage
        using errcode = '23514', constraint = 'projects_stage_forward', table = 'projects', column = 'stage';
end
$$;

create or replace function app.tg_projects_national_code() returns trigger
    language plpgsql
    as $$
begin
    if new.stage in ('new_start', 'construction', 'completed') and new.national_code is null
       and (tg_op = 'INSERT' or new.stage is distinct from old.stage or old.national_code is not null) then
        raise exception 'required from stage new_start on: the national project code as YYYY-DDDDDD-II-TT-NNNNNN'
            using errcode = '23514', constraint = 'projects_national_code_required', table = 'projects', column = 'national_code';
    end if;
    return new;
end
$$;

create or replace function app.tg_park_items_standard() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    std text := (select p.standard from app.parks p where p.id = new.park_id);
begin
    if std is not null and not new.item = any (app.park_standard_items(std)) then
        raise exception 'item % is not part of the park''s standard %', new.item, std
            using errcode = '23514', constraint = 'park_items_item_standard', table = 'park_items', column = 'item';
    end if;
    return new;
end
$$;

create or replace function app.tg_parks_standard() returns trigger
    language plpgsql
    as $$
begin
    if exists (select 1 from app.park_items i
                where i.park_id = new.id and not i.item = any (app.park_standard_items(new.standard))) then
        raise exception 'the park has items outside the standard %', new.standard
            using errcode = '23514', constraint = 'parks_standard_items', table = 'parks', column = 'standard';
    end if;
    return new;
end
$$;

create or replace function app.tg_land_allocations_check() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    q app.land_quotas;
    used_reserve numeric;
    used_regular numeric;
begin
    if app.current_agency_kind() is not null and not (app.is_county() and app.can_write()) then
        raise exception 'new row violates row-level security policy for table "land_allocations"'
            using errcode = '42501';
    end if;
    select * into q from app.land_quotas where year = new.year for update;
    if new.from_reserve and not (select p.major from app.projects p where p.id = new.project_id) then
        raise exception 'the reserved land quota is for major projects only'
            using errcode = '23514', constraint = 'land_allocations_reserve_major', table = 'land_allocations', column = 'from_reserve';
    end if;
    select coalesce(sum(area_mu) filter (where from_reserve), 0), coalesce(sum(area_mu) filter (where not from_reserve), 0)
      into used_reserve, used_regular
      from app.land_allocations
     where year = new.year and id <> new.id;
    if new.from_reserve and used_reserve + new.area_mu > q.reserved_mu then
        raise exception 'the % reserved land quota has % 亩 left', q.year, q.reserved_mu - used_reserve
            using errcode = '23514', constraint = 'land_allocations_reserve', table = 'land_allocations', column = 'area_mu';
    end if;
    if not new.from_reserve and used_regular + new.area_mu > q.quota_mu - q.reserved_mu then
        raise exception 'the % land quota has % 亩 left outside the reserve', q.year, q.quota_mu - q.reserved_mu - used_regular
            using errcode = '23514', constraint = 'land_allocations_quota', table = 'land_allocations', column = 'area_mu';
    end if;
    return new;
end
$$;

create or replace function app.tg_land_quotas_check() returns trigger
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
            using errcode = '23514', constraint = 'land_quotas_reserved_allocated', table = 'land_quotas', column = 'reserved_mu';
    end if;
    if used_regular > new.quota_mu - new.reserved_mu then
        raise exception 'the % quota outside the reserve is already allocated up to % 亩', new.year, used_regular
            using errcode = '23514', constraint = 'land_quotas_quota_allocated', table = 'land_quotas', column = 'quota_mu';
    end if;
    return new;
end
$$;
