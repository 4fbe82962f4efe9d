import Campaign
import Store

extension OpenAPIComponents {
    static let agencyReference: Schema = .ref("Agency")
    /// A person named on a project (包保): `{id, display_name, agency}`.
    static let person: Schema = .record(["id": .id, "display_name": .text, "agency": agencyReference])

    static let meetingFields: [String: Schema] = [
        "id": .id, "kind": .choice(MeetingKind.self), "title": .text, "date": .date, "chair": .text, "agency_ids": .array(.id),
        "attendees": .array(agencyReference), "status": .choice(MeetingStatus.self), "closed_at": .nullable(.timestamp),
        "version": .integer,
    ]

    static let bulletinFields: [String: Schema] = [
        "id": .id, "kind": .choice(BulletinKind.self), "month": .nullable(.month), "run_id": .nullable(.id), "cut_off": .date,
        "title": .text, "status": .choice(BulletinStatus.self), "number": .nullable(.text), "issued_at": .nullable(.timestamp),
        "version": .integer, "created_at": .timestamp,
    ]

    /// The coordination loop: service responsibility (包保), meetings (调度会), bulletins (通报).
    static let coordinationSchemas: [String: Schema] = [
        "ServiceInput": .record(["leader_user_id": .nullable(.id), "commissioner_user_id": .nullable(.id)]),
        "Service": .record([
            "project_id": .id, "leader": .nullable(person), "commissioner": .nullable(person), "version": .integer,
        ]),
        "ServedProject": .record([
            "project": projectReference, "district_id": .id, "lead_department_id": .nullable(.id), "stage": .choice(Stage.self),
            "role": .choice(ServiceRole.self), "leader": .nullable(person), "commissioner": .nullable(person),
            "open_problems": .integer, "overdue_problems": .integer, "overdue_decisions": .integer,
            "plan_to_date": .nullable(.number), "actual_to_date": .nullable(.number), "ratio_to_date": .nullable(.number),
            "behind": .boolean,
        ]),
        "MeetingInput": .record([
            "kind": .choice(MeetingKind.self), "title": .limitedText(maxLength: 200), "date": .date,
            "chair": .limitedText(maxLength: 100), "agency_ids": .array(.id),
        ]),
        "MeetingSummary": .record(meetingFields),
        "Meeting": .record(meetingFields.merging(["agenda": .array(.ref("AgendaItem"))]) { $1 }),
        "AgendaSubject": .object([
            "type": .choice(AgendaSubjectType.self), "id": .id, "code": .text, "name": .text, "project_id": .id,
        ], required: ["type", "id"]),
        "AgendaItemInput": .record(["summary": .limitedText(maxLength: 2000), "subject": .ref("AgendaSubject")]),
        "AgendaItem": .record([
            "id": .id, "meeting_id": .id, "position": .integer, "source": .choice(AgendaSource.self), "subject": .ref("AgendaSubject"),
            "summary": .text, "carried_from": .nullable(.id), "version": .integer,
            "decision": .nullable(.record([
                "text": .text, "agency": agencyReference, "due_date": .date, "problem_id": .id,
                "status": .nullable(.choice(ProblemStatus.self)),
            ])),
        ]),
        "DecisionInput": .record(["text": .limitedText(maxLength: 2000), "agency_id": .id, "due_date": .date]),
        "BulletinInput": .object([
            "kind": .choice(BulletinKind.self), "month": .month, "run_id": .id,
        ], required: ["kind"]),
        "BulletinPatch": .object(["lead_text": .limitedText(maxLength: 10000), "requirements_text": .limitedText(maxLength: 10000)],
                                 required: []),
        "BulletinSummary": .record(bulletinFields),
        "Bulletin": .record(bulletinFields.merging([
            "lead_text": .text, "requirements_text": .text,
            "figures": .record([
                "summary": .any,
                "tables": .array(.record([
                    "code": .text, "title": .text, "columns": .array(.record(["code": .text, "label": .text])),
                    "rows": .array(.any),
                ])),
            ]),
        ]) { $1 }),
    ]
}
