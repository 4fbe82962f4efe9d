import Campaign
import Postgres
import Store
import TestSupport

/// The access matrix of the coordination loop's tables (migrations 0070–0072): service
/// responsibility follows its project; meetings are the county's and their attendees'
/// (MT1 is attended by DRC); drafts are the county's, issued bulletins everybody's.
extension Matrix {
    static let coordinationWorkerUnreadable = ["bulletins", "bulletin_numbers"]

    var coordinationReads: [Read] {
        [
            Read(name: "project_service", sql: "SELECT id FROM app.project_service", labels: "project_service",
                 expect: Self.following(["SV5": "P5"])),
            Read(name: "meetings", sql: "SELECT id FROM app.meetings", labels: "meetings",
                 expect: Self.visible(["DRC": ["MT1"]], all: ["MT1"])),
            Read(name: "meeting_items", sql: "SELECT id FROM app.meeting_items", labels: "meeting_items",
                 expect: Self.visible(["DRC": ["MI1"]], all: ["MI1"])),
            Read(name: "bulletins", sql: "SELECT id FROM app.bulletins", labels: "bulletins",
                 expect: { $0.isCounty ? "BL-D BL-I" : "BL-I" }),
            Read(name: "bulletin_numbers", sql: "SELECT year::text FROM app.bulletin_numbers",
                 expect: { Self.countyWriter($0) ? "2024" : "" }),
            Read(name: "coordination_settings", sql: "SELECT bulletin_prefix FROM app.coordination_settings", expect: Self.all(["余发改通"])),
        ]
    }

    var coordinationWrites: [Write] {
        let w = world
        func q(_ query: Query) -> (Actor) -> [Query] { { _ in [query] } }
        let leader = w.userIDs["cty-editor"]!
        return [
            Write(name: "insert service of P3", sql: q("""
                  INSERT INTO app.project_service (project_id, leader_user_id) VALUES (\(w.id("P3")), \(leader))
                  """), expect: Self.insert(Self.countyWriter)),
            Write(name: "update SV5", sql: q("UPDATE app.project_service SET leader_user_id = \(leader) WHERE id = \(w.id("SV5"))"),
                  expect: Self.change(Self.countyWriter)),
            // the commissioner's department sees the project (assigned_project_ids reads the service as the definer)
            Write(name: "AGR serves P5", sql: { _ in [
                "RESET ROLE", "UPDATE app.project_service SET commissioner_user_id = \(w.userIDs["agr-editor"]!) WHERE id = \(w.id("SV5"))",
                "SELECT set_config('role', 'projectyear_app', true)", "SELECT count(*)::text FROM app.projects WHERE code = 'P5'",
            ] }, expect: { a in ["D1", "IIT", "AGR"].contains(a.code) || a.isCounty ? "ok 1 1" : "ok 1 0" }),
            Write(name: "insert a meeting", sql: q("""
                  INSERT INTO app.meetings (kind, title, held_on, chair) VALUES ('monthly', 't', '2024-05-01', 'c')
                  """), expect: Self.insert(Self.countyWriter)),
            Write(name: "update MT1", sql: q("UPDATE app.meetings SET title = 'x' WHERE id = \(w.id("MT1"))"),
                  expect: Self.change(Self.countyWriter)),
            Write(name: "insert an item of MT1", sql: q("""
                  INSERT INTO app.meeting_items (meeting_id, position, source, subject_type, subject_id, project_id, subject_code,
                                                 subject_name, summary)
                  VALUES (\(w.id("MT1")), 9, 'manual', 'project', \(w.id("P1")), \(w.id("P1")), 'P1', 'n', 's')
                  """), expect: Self.insert(Self.countyWriter)),
            Write(name: "update MI1", sql: q("UPDATE app.meeting_items SET summary = 'x' WHERE id = \(w.id("MI1"))"),
                  expect: Self.change(Self.countyWriter)),
            Write(name: "insert a bulletin", sql: q("""
                  INSERT INTO app.bulletins (kind, month, cut_off, title, figures) VALUES ('monthly', '2024-01-01', '2024-01-31', 't', '{}')
                  """), expect: Self.insert(Self.countyWriter)),
            Write(name: "update BL-D", sql: q("UPDATE app.bulletins SET title = 'x' WHERE id = \(w.id("BL-D"))"),
                  expect: Self.change(Self.countyWriter)),
            Write(name: "update BL-I", sql: q("UPDATE app.bulletins SET title = 'x' WHERE id = \(w.id("BL-I"))"),
                  expect: { a in Self.countyWriter(a) ? "55000 bulletins_issued" : "ok 0" }),
        ]
    }
}

extension World {
    /// The coordination loop's rows: SV5 (P5 led by county-editor, served by iit-editor), MT1
    /// attended by DRC with item MI1 (P1), draft BL-D and issued BL-I, the 2024 number counter.
    mutating func seedCoordination(on connection: Connection) throws {
        func add(_ label: String, _ table: String, _ query: Query) throws {
            let id: Int64 = try connection.query(query)[0].decode("id")
            ids[label] = id
            labels["\(table):\(id)"] = label
        }
        try add("SV5", "project_service", """
            INSERT INTO app.project_service (project_id, leader_user_id, commissioner_user_id)
            VALUES (\(id("P5")), \(userIDs["cty-editor"]!), \(userIDs["iit-editor"]!)) RETURNING id
            """)
        try add("MT1", "meetings", """
            INSERT INTO app.meetings (kind, title, held_on, chair, agency_ids)
            VALUES ('monthly', '调度会', '2024-02-10', '县长', ARRAY[\(ag("DRC"))]::bigint[]) RETURNING id
            """)
        try add("MI1", "meeting_items", """
            INSERT INTO app.meeting_items (meeting_id, position, source, subject_type, subject_id, project_id, subject_code, subject_name, summary)
            VALUES (\(id("MT1")), 1, 'manual', 'project', \(id("P1")), \(id("P1")), 'P1', 'project P1', '议题') RETURNING id
            """)
        for (label, status) in [("BL-D", "draft"), ("BL-I", "issued")] {
            try add(label, "bulletins", """
                INSERT INTO app.bulletins (kind, month, cut_off, title, figures, status, year, serial, number, issued_at)
                SELECT 'monthly', '2024-01-01', '2024-01-31', \(label), '{}', \(status), 2024, s, '余发改通〔2024〕' || s || '号', now()
                  FROM (SELECT CASE WHEN \(status) = 'issued' THEN 1 END AS s) x
                RETURNING id
                """)
        }
        try connection.execute("INSERT INTO app.bulletin_numbers (year, last_number) VALUES (2024, 1)")
    }
}
