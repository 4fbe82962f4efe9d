-- What report.lua and read-your-writes.lua share (wrk scripts, which load this file from beside
-- them): the projects of BENCH_PROJECTS, each thread's index, the session's headers, and the
-- report a slot stands for (slots go round the projects, then through months 2000-01 to 2025-12).
projects = {}
for id in string.gmatch(os.getenv("BENCH_PROJECTS") or "", "%d+") do projects[#projects + 1] = id end
local threads = 0
function setup(thread)
    thread:set("index", threads)
    threads = threads + 1
end

-- The body of every PUT.
report_body = '{"investment_completed": 12.5, "progress": "wrk", "problems": ""}'

-- Starts the request counter at BENCH_OFFSET and sends JSON as the session of BENCH_TOKEN.
function start_session()
    counter = tonumber(os.getenv("BENCH_OFFSET") or "0")
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

-- The project of a slot and the path of its report.
function report_path(slot)
    local project = projects[(slot % #projects) + 1]
    local month = math.floor(slot / #projects) % 312
    return project, string.format("/api/v1/projects/%s/reports/%04d-%02d", project, 2000 + math.floor(month / 12), month % 12 + 1)
end
