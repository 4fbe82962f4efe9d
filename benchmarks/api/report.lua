-- wrk: PUT a new monthly report per request, each thread on its own projects, months 2000-01 to 2025-12 (a PUT of a month not yet begun is refused).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report-slots.lua")
function init(args)
    start_session()
    wrk.method = "PUT"
    wrk.body = report_body
end
function request()
    local _, path = report_path(counter * 2 + index)
    counter = counter + 1
    return wrk.format(nil, path)
end
