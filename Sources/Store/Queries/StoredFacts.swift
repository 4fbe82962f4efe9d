import Foundation

/// Facts a row stores as a jsonb object of strings (a notification's arguments, an agenda item's
/// facts as drawn), for the catalogue to word (`NotificationWords`, `AgendaWords`).
public enum StoredFacts {
    /// The object's string members (`{"code": "P-1", "month": "2026-04"}`); others are left out.
    public static func decode(_ json: String) -> [String: String] {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        return object.compactMapValues { $0 as? String }
    }
}
