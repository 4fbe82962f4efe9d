import Campaign
import Foundation
import Postgres

extension Export {
    /// `GET /meetings?format=…`: the visible meetings, newest first, with their item and decision counts.
    public static var meetings: Export {
        let columns: [ExportColumn] = [
            .init("会议日期", .date, "m.held_on"),
            .init("会议名称", .text, "m.title"),
            .init("会议类型", .text, "m.kind", labels: MeetingKind.chineseLabels),
            .init("主持人", .text, "m.chair"),
            .init("状态", .text, "m.status", labels: MeetingStatus.chineseLabels),
            .init("议题（项）", .integer, "(SELECT count(*) FROM app.meeting_items i WHERE i.meeting_id = m.id)"),
            .init("决定事项（项）", .integer, "(SELECT count(*) FROM app.meeting_items i WHERE i.meeting_id = m.id AND i.decision_text IS NOT NULL)"),
        ]
        return Export(name: "调度会", sheets: [
            Sheet(name: "调度会", columns: columns, from: "  FROM app.meetings m ORDER BY m.held_on DESC, m.id DESC"),
        ])
    }

    /// `GET /bulletins?format=…`: the visible bulletins, newest first.
    public static var bulletins: Export {
        let columns: [ExportColumn] = [
            .init("文号", .text, "b.number"),
            .init("标题", .text, "b.title"),
            .init("通报类型", .text, "b.kind", labels: BulletinKind.chineseLabels),
            .init("数据截至", .date, "b.cut_off"),
            .init("状态", .text, "b.status", labels: BulletinStatus.chineseLabels),
            .init("印发日期", .date, "(b.issued_at AT TIME ZONE 'Asia/Shanghai')::date"),
        ]
        return Export(name: "通报", sheets: [Sheet(name: "通报", columns: columns, from: "  FROM app.bulletins b ORDER BY b.id DESC")])
    }

    /// `GET /service/mine?format=…`: the projects the user leads or serves, by code.
    public static func servedProjects(userID: Int64) -> Export {
        let columns: [ExportColumn] = [
            .init("项目编号", .text, "p.code"),
            .init("项目名称", .text, "p.name"),
            .init("包保身份", .text, "CASE WHEN s.leader_user_id = x.me THEN '包保县领导' ELSE '服务专员' END"),
            .init("未解决问题（个）", .integer, "(SELECT count(*) FROM app.problems q WHERE q.project_id = p.id AND q.status <> 'resolved')"),
        ]
        let from: Query = """
              FROM (SELECT \(userID)::bigint AS me) x
              JOIN app.project_service s ON s.leader_user_id = x.me OR s.commissioner_user_id = x.me
              JOIN app.projects p ON p.id = s.project_id
             ORDER BY p.code
            """
        return Export(name: "我的包保项目", sheets: [Sheet(name: "我的包保项目", columns: columns, from: from)])
    }
}
