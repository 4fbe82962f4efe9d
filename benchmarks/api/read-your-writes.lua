-- wrk: each connection alternates a PUT of a new monthly report and a GET of the same project with
-- one session, so that every GET must see the write just before it (read your own writes).
local projects = {}
for id in string.gmatch(os.getenv("BENCH_PROJECTS") or "", "%d+") do projects[#projects + 1] = id end
local threads = 0
function setup(thread)
    thread:set("index", threads)
    threads = threads + 1
end
function init(args)
    counter = tonumber(os.getenv("BENCH_OFFSET") or "0")
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end
function request()
    local slot = math.floor(counter / 2) * 2 + index
    local project = projects[(slot % #projects) + 1]
    counter = counter + 1
    if counter % 2 == 1 then
        local month = math.floor(slot / #projects) % 312
        local path = string.format("/api/v1/projects/%s/reports/%04d-%02d", project, 2000 + math.floor(month / 12), month % 12 + 1)
        return wrk.format("PUT", path, nil, '{"investment_completed": 12.5, "progress": "wrk", "problems": ""}')
    end
    return wrk.format("GET", "/api/v1/projects/" .. project)
end
