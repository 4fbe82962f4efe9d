-- 0091 a project's OC4IDS id never changes (issue 21 item 7a). The id was built from the
-- project's code, which PATCH and the project import may change; it is now built from
-- `oc4ids_key`, the code the project had when it was created, kept whatever later writes do.
-- A project created with a code another project was created with (and has since given up) gets
-- that code followed by its own id, so two projects never share an id. A row written with
-- triggers off (the demo loader's bulk load) has none yet: its key is its code
-- (`coalesce(oc4ids_key, code)`), kept from its first later write on.

alter table app.projects add column oc4ids_key text;

-- Existing projects keep the id they are published under today (their code). Filling the column
-- is no change a person made: no version, audit column or history entry moves.
alter table app.projects disable trigger user;
update app.projects set oc4ids_key = code;
alter table app.projects enable trigger user;

alter table app.projects add constraint projects_oc4ids_key_key unique (oc4ids_key);

-- Sees every project (the definer's policy of 0005), so a code given up by a project the caller
-- cannot see is still found.
create function app.tg_projects_oc4ids_key() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    if tg_op = 'UPDATE' then
        new.oc4ids_key := coalesce(old.oc4ids_key, old.code);
    elsif exists (select 1 from app.projects where oc4ids_key = new.code) then
        new.oc4ids_key := new.code || '-' || new.id;
    else
        new.oc4ids_key := new.code;
    end if;
    return new;
end
$$;
alter function app.tg_projects_oc4ids_key() owner to projectyear_definer;
create trigger projects_oc4ids_key before insert or update on app.projects
    for each row execute function app.tg_projects_oc4ids_key();
