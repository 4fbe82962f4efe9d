import Postgres
import TestSupport

/// The access matrix of recorded spreadsheet imports: the county reads every import, an agency
/// its own; any editor records one for their own agency; the worker reads them all.
extension Matrix {
    var importReads: [Read] {
        [
            Read(name: "imports", sql: "SELECT id FROM app.imports", labels: "imports",
                 expect: { $0.isCounty ? "I-CTY I-D1" : $0.code == "D1" ? "I-D1" : "" }),
        ]
    }

    var importWrites: [Write] {
        [
            Write(name: "record an import", sql: { _ in
                ["INSERT INTO app.imports (kind, sha256, rows, created, replaced, unchanged) VALUES ('projects', repeat('a', 64), 0, 0, 0, 0)"]
            }, expect: Self.insert { $0.writes }),
        ]
    }
}

extension World {
    /// Imports I-CTY and I-D1, recorded by those agencies.
    mutating func seedImports(on connection: Connection) throws {
        for code in ["CTY", "D1"] {
            let id: Int64 = try connection.query("""
                INSERT INTO app.imports (kind, sha256, rows, created, replaced, unchanged, agency_id, user_id)
                VALUES ('projects', repeat('b', 64), 0, 0, 0, 0, \(ag(code)), \(userIDs["d1-editor"]!)) RETURNING id
                """)[0].decode("id")
            ids["I-" + code] = id
            labels["imports:\(id)"] = "I-" + code
        }
    }
}
