-- wrk: each connection alternates a PUT of a new monthly report and a GET of the same project with
-- one session, so that every GET must see the write just before it (read your own writes).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report-slots.lua")
function init(args)
    start_session()
end
function request()
    local project, path = report_path(math.floor(counter / 2) * 2 + index)
    counter = counter + 1
    if counter % 2 == 1 then
        return wrk.format("PUT", path, nil, report_body)
    end
    return wrk.format("GET", "/api/v1/projects/" .. project)
end
