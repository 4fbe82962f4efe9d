import Campaign
import Postgres
import Store
import TestSupport

extension Matrix {
    /// What an analyst of each agency reads through the reporting views: what a user of that
    /// agency reads in the tables.
    var analystReads: [Read] {
        [
            Read(name: "reporting.projects", sql: "SELECT code FROM reporting.projects",
                 expect: Self.visible(Self.projectsSeen, all: Self.allProjects)),
            Read(name: "reporting.monthly_progress", sql: "SELECT report_id FROM reporting.monthly_progress", labels: "monthly_reports",
                 expect: Self.following(Self.reports)),
            Read(name: "reporting.funding", sql: "SELECT funding_source_id FROM reporting.funding", labels: "funding_sources",
                 expect: Self.following(Self.funding)),
            Read(name: "reporting.park_readiness", sql: "SELECT park_name || ':' || readiness FROM reporting.park_readiness",
                 expect: Self.all(["南明工业园:0.1429", "花溪物流园:0.0000", "spare park:0.0000"])),
            Read(name: "reporting.targets_vs_actuals", sql: "SELECT code || ':' || indicator FROM reporting.targets_vs_actuals",
                 expect: Self.visible(["D1": ["D1:fai"], "D2": ["D2:fai"], "IIT": ["IIT:attraction_funds"], "DRC": ["DRC:major_investment"]],
                                      all: ["D1:fai", "D2:fai", "IIT:attraction_funds", "DRC:major_investment"])),
            Read(name: "reporting.rankings", sql: "SELECT agency_code || '@' || period FROM reporting.rankings",
                 expect: Self.all(["D1@Q1", "DRC@Q1"])),
            Read(name: "reporting.approval_processing_days", sql: "SELECT approval_id FROM reporting.approval_processing_days",
                 labels: "approvals", expect: Self.following(Self.approvals)),
            Read(name: "reporting.open_problems_by_department", sql: "SELECT department_code FROM reporting.open_problems_by_department",
                 expect: Self.visible(["D1": ["-"], "D2": ["AGR"], "DRC": ["-"], "IIT": ["AGR"], "AGR": ["AGR"]], all: ["-", "AGR"])),
            Read(name: "reporting.land_quota_use", sql: "SELECT year || ':' || allocated_mu FROM reporting.land_quota_use",
                 expect: Self.visible(["D1": ["2024:30.00", "2026:0"], "DRC": ["2024:20.00", "2026:0"], "IIT": ["2024:10.00", "2026:0"],
                                       "D2": ["2024:0", "2026:0"], "AGR": ["2024:0", "2026:0"]],
                                      all: ["2024:30.00", "2026:0"])),
            Read(name: "app.projects directly", sql: "SELECT code FROM app.projects", expect: { _ in Self.denied }),
            Read(name: "app.history directly", sql: "SELECT id FROM app.history", expect: { _ in Self.denied }),
        ] + dailyWorkAnalystReads
    }

    var analystWrites: [Write] {
        func q(_ query: Query) -> (Actor) -> [Query] { { _ in [query] } }
        let cty = world.ag("CTY")
        return [
            // Anybody may set app.* settings; an analyst's are ignored.
            Write(name: "analyst claims to be the county", sql: { _ in
                ["SELECT set_config('app.agency_kind', 'county', true), set_config('app.agency_id', \(String(cty)), true), set_config('app.role', 'admin', true)",
                 "SELECT count(*)::text FROM reporting.projects"]
            }, expect: { a in "ok 1 \(a.isCounty ? 5 : Self.projectsSeen[a.code]?.count ?? 0)" }),
            Write(name: "analyst inserts into a view", sql: q("INSERT INTO reporting.projects (code) VALUES ('x')"), expect: { _ in "55000" }),
            Write(name: "analyst deletes through a view", sql: q("DELETE FROM reporting.monthly_progress"), expect: { _ in "55000" }),
            Write(name: "analyst updates a table", sql: q("UPDATE app.projects SET name = 'x'"), expect: { _ in Self.denied }),
            Write(name: "analyst creates a table", sql: q("CREATE TABLE public.mine (i integer)"), expect: { _ in Self.denied }),
            Write(name: "analyst calls a context function", sql: q("SELECT app.current_agency_id()::text"), expect: { _ in Self.denied }),
        ]
    }
}
