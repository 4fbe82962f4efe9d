-- wrk: PUT a new monthly report per request, each thread on its own projects, months 2000-01 to 2025-12 (a PUT of a month not yet begun is refused).
local projects = {}
for id in string.gmatch(os.getenv("BENCH_PROJECTS") or "", "%d+") do projects[#projects + 1] = id end
local threads = 0
function setup(thread)
    thread:set("index", threads)
    threads = threads + 1
end
function init(args)
    counter = tonumber(os.getenv("BENCH_OFFSET") or "0")
    wrk.method = "PUT"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
    wrk.body = '{"investment_completed": 12.5, "progress": "wrk", "problems": ""}'
end
function request()
    local slot = counter * 2 + index
    counter = counter + 1
    local project = projects[(slot % #projects) + 1]
    local month = math.floor(slot / #projects) % 312
    local path = string.format("/api/v1/projects/%s/reports/%04d-%02d", project, 2000 + math.floor(month / 12), month % 12 + 1)
    return wrk.format(nil, path)
end
