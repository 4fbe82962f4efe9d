/// The one catalogue of what the server tells people: every problem, field error, import error
/// and generated sentence has a stable `snake_case` code (for programs) and its words in each
/// language (for people), with `{name}` placeholders filled from `Message.arguments`.
///
/// Adding a message is one `case` (its code) and one line of its two texts below; the compiler
/// refuses a code without texts, and the OpenAPI document lists every code from `allCases`.
/// Chinese texts say what to fix in the clerk's words; English texts are for programs' logs and
/// English-speaking readers (`Accept-Language: en`).
public enum MessageCode: String, CaseIterable, Sendable, Codable {
    // Requests that cannot be read
    case bodyNotObject = "body_not_object", jsonInvalid = "json_invalid", jsonContentType = "json_content_type"
    case bodyTooLarge = "body_too_large", bodyEmpty = "body_empty", fileName = "file_name", numberOutOfRange = "number_out_of_range"
    case routeNotFound = "route_not_found", methodNotAllowed = "method_not_allowed", badRequest = "bad_request"
    case malformedRequest = "malformed_request"
    case invalidFields = "invalid_fields", unknownField = "unknown_field", wrongType = "wrong_type", mustNotBeNull = "must_not_be_null"
    case lastEventID = "last_event_id"
    // Signing in and permissions
    case signInRequired = "sign_in_required", authorizationMalformed = "authorization_malformed", tokenExpired = "token_expired"
    case wrongCredentials = "wrong_credentials", signInThrottled = "sign_in_throttled"
    case signInThrottledAddress = "sign_in_throttled_address"
    case roleForbidden = "role_forbidden", forbiddenChange = "forbidden_change", forbiddenDelete = "forbidden_delete"
    case countyOnly = "county_only", adminOnly = "admin_only", reviewerOnly = "reviewer_only", reopenCountyOnly = "reopen_county_only"
    case attachmentForbidden = "attachment_forbidden"
    // Versions and states
    case notFound = "not_found", ifMatchRequired = "if_match_required", versionMismatch = "version_mismatch"
    case ifMatchToReplace = "if_match_to_replace", concurrentChange = "concurrent_change", notCreatedYet = "not_created_yet"
    case stateConflict = "state_conflict", reportLocked = "report_locked", reviewWrongStatus = "review_wrong_status"
    case reviewTransition = "review_transition", assessmentPublished = "assessment_published", assessmentNotDone = "assessment_not_done"
    case noPublishedRanking = "no_published_ranking", noTargets = "no_targets", monthNotBegun = "month_not_begun"
    // Field values
    case requiredText = "required_text", blankText = "blank_text", textTooLong = "text_too_long", containsNUL = "contains_nul"
    case requiredChoice = "required_choice", notAChoice = "not_a_choice"
    case requiredDate = "required_date", notADate = "not_a_date", requiredMonth = "required_month", notAMonth = "not_a_month"
    case requiredYear = "required_year", notAYear = "not_a_year"
    case requiredMoney = "required_money", notANumber = "not_a_number", negativeAmount = "negative_amount"
    case tooManyDecimals = "too_many_decimals", amountTooLarge = "amount_too_large"
    case requiredID = "required_id", notAnID = "not_an_id", requiredInteger = "required_integer", integerOutOfRange = "integer_out_of_range"
    case requiredBoolean = "required_boolean", notABoolean = "not_a_boolean", controlCharacters = "control_characters"
    case valueTaken = "value_taken", unknownReference = "unknown_reference", agencyWrongKind = "agency_wrong_kind"
    case notVisibleProject = "not_visible_project", notDepartmentOrDistrict = "not_department_or_district"
    case notAllowedByRules = "not_allowed_by_rules", valueNotStorable = "value_not_storable", requiredValue = "required_value"
    case cannotChange = "cannot_change", agencyKindFixed = "agency_kind_fixed"
    // Accounts and codes
    case requiredPassword = "required_password", passwordTooShort = "password_too_short", passwordTooLong = "password_too_long"
    case usernameFormat = "username_format", agencyCodeFormat = "agency_code_format"
    case nationalCodeFormat = "national_code_format", nationalCodeRequired = "national_code_required", divisionCodeFormat = "division_code_format"
    // Projects and their records
    case stageReopenCountyOnly = "stage_reopen_county_only", stageResumeToReserve = "stage_resume_to_reserve", stageBackward = "stage_backward"
    case actualStartRequired = "actual_start_required", actualCompletionRequired = "actual_completion_required"
    case completionBeforeStart = "completion_before_start", plannedCompletionBeforeStart = "planned_completion_before_start"
    case decidedOnRequired = "decided_on_required", decidedBeforeApplied = "decided_before_applied"
    case resolvedOnOnlyResolved = "resolved_on_only_resolved"
    case platformRequired = "platform_required", platformOnlyForPlatform = "platform_only_for_platform"
    case monthlyRequired = "monthly_required", monthlyNotArray = "monthly_not_array", monthlyCount = "monthly_count"
    case monthlySum = "monthly_sum"
    case parkItemNotInStandard = "park_item_not_in_standard", parkStandardItems = "park_standard_items"
    case reservedExceedsQuota = "reserved_exceeds_quota", areaNotPositive = "area_not_positive"
    case reserveMajorOnly = "reserve_major_only", reserveExceeded = "reserve_exceeded", quotaExceeded = "quota_exceeded"
    case reserveAllocated = "reserve_allocated", quotaAllocated = "quota_allocated"
    // Assessment schemes
    case weightNotIndicator = "weight_not_indicator", weightRequired = "weight_required", numberNegative = "number_negative"
    case weightsSumZero = "weights_sum_zero", quarterSharesCount = "quarter_shares_count", quarterShareRange = "quarter_share_range"
    case quarterSharesDecrease = "quarter_shares_decrease", quarterShareLast = "quarter_share_last", capBelowOne = "cap_below_one"
    case periodWeightsSum = "period_weights_sum", deadlineDay = "deadline_day", schemeNotObject = "scheme_not_object"
    // Uploads and imports
    case attachmentTooLarge = "attachment_too_large", attachmentQuota = "attachment_quota", attachmentType = "attachment_type"
    case attachmentContent = "attachment_content", attachmentMislabelled = "attachment_mislabelled"
    case uploadTooLarge = "upload_too_large", fileUnsupported = "file_unsupported", fileUnreadable = "file_unreadable"
    case sheetEmpty = "sheet_empty", sheetErrors = "sheet_errors", importReportsChanged = "import_reports_changed"
    case importProjectsChanged = "import_projects_changed", cellFormulaError = "cell_formula_error", cellFormulaUnsaved = "cell_formula_unsaved"
    case cellDateNumber = "cell_date_number", cellYesNo = "cell_yes_no", unknownAgencyName = "unknown_agency_name"
    case unknownParkName = "unknown_park_name", requiredProjectCode = "required_project_code"
    case requiredInvestment = "required_investment", templateVersion = "template_version"
    case duplicateRow = "duplicate_row", missingColumn = "missing_column", codeOfHiddenProject = "code_of_hidden_project"
    case districtNotWritable = "district_not_writable", projectVersionMissing = "project_version_missing"
    case projectStale = "project_stale", noProjectYet = "no_project_yet", unknownProjectCode = "unknown_project_code"
    case projectNotWritable = "project_not_writable", reportVersionMissing = "report_version_missing"
    case reportStale = "report_stale", noReportYet = "no_report_yet"
    case projectMovesDistrict = "project_moves_district", duplicateProjectRow = "duplicate_project_row"
    case explanationRequired = "explanation_required", csvEncoding = "csv_encoding"
    case rankingRunWaiting = "ranking_run_waiting"
    case batchItemsRequired = "batch_items_required", batchItemObject = "batch_item_object", batchItemVersion = "batch_item_version"
    case agencyIDsRequired = "agency_ids_required", agendaSubjectRequired = "agenda_subject_required"
    // The server
    case databaseUnavailable = "database_unavailable", internalError = "internal_error"
    case databaseReadOnly = "database_read_only", importsBusy = "imports_busy"
    // Uploads in forms, downloads and documents
    case multipartNoBoundary = "multipart_no_boundary", multipartMalformed = "multipart_malformed"
    case multipartIncomplete = "multipart_incomplete", multipartNoFile = "multipart_no_file", multipartManyFiles = "multipart_many_files"
    case listNotDownloadable = "list_not_downloadable", formatDocxOnly = "format_docx_only", formatErrorSheet = "format_error_sheet"
    // The coordination loop
    case unknownAgencies = "unknown_agencies", meetingClosed = "meeting_closed", subjectNotFound = "subject_not_found"
    case decisionAgency = "decision_agency", bulletinIssued = "bulletin_issued", monthNotEnded = "month_not_ended"
    case runNotPublished = "run_not_published", leaderNotCounty = "leader_not_county"
    case commissionerNotDepartment = "commissioner_not_department", serviceMajorOnly = "service_major_only"
    // Notifications (提醒与督办), worded by `NotificationWords`
    case reportDueTitle = "report_due_title", reportDueBody = "report_due_body"
    case reportLateTitle = "report_late_title", reportLateBody = "report_late_body"
    case reportReturnedTitle = "report_returned_title", reportReturnedBody = "report_returned_body"
    case problemOverdueTitle = "problem_overdue_title", problemOverdueBody = "problem_overdue_body"
    case problemEscalatedTitle = "problem_escalated_title", problemEscalatedBody = "problem_escalated_body"
    case problemRaisedTitle = "problem_raised_title", problemRaisedBody = "problem_raised_body"
    case behindPlanTitle = "behind_plan_title", behindPlanBody = "behind_plan_body"
    case assessmentPublishedTitle = "assessment_published_title", assessmentPublishedBody = "assessment_published_body"
    case bulletinIssuedTitle = "bulletin_issued_title", bulletinIssuedBody = "bulletin_issued_body"
    case wordProblem = "word_problem", wordDecision = "word_decision", wordUnassigned = "word_unassigned"
    case wordLeaderNote = "word_leader_note", wordDueNote = "word_due_note", wordRanked = "word_ranked", wordUnranked = "word_unranked"
    // Agenda items drawn for a coordination meeting (调度会), worded by `AgendaWords`
    case agendaOverdueProblem = "agenda_overdue_problem", agendaEscalatedProblem = "agenda_escalated_problem"
    case agendaBehindPlan = "agenda_behind_plan", agendaMissingReport = "agenda_missing_report"
    case agendaSlowApproval = "agenda_slow_approval", agendaCarriedOver = "agenda_carried_over"

    /// The words of this code in `language`, with `{name}` placeholders.
    public func text(_ language: Language) -> String {
        let texts = self.texts
        return language == .en ? texts.en : texts.zh
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    var texts: (zh: String, en: String) {
        switch self {
        case .bodyNotObject: ("提交的内容必须是一个 JSON 对象（{…}）。", "the body must be a JSON object, not {got}")
        case .jsonInvalid: ("提交的内容不是有效的 JSON，请检查格式。", "the body is not valid JSON: {reason}")
        case .jsonContentType: ("请以 JSON 格式提交（Content-Type: application/json）。", "send the body as JSON with Content-Type: application/json")
        case .bodyTooLarge: ("提交的内容过大（本接口上限 {mib} MiB），请减少内容后重试。", "the request body exceeds this route's limit of {mib} MiB; send a smaller body")
        case .bodyEmpty: ("没有收到文件内容，请重新选择文件上传。", "the body is empty: send the file itself as the request body")
        case .fileName: ("文件名最多 255 个字，且不能含有控制字符，请重命名后再上传。", "must be at most 255 characters without control characters")
        case .numberOutOfRange: ("数字超出范围，请填写普通小数，例如 1,234.56", "is a number out of range; send amounts as plain decimals such as 1234.56")
        case .routeNotFound: ("没有这个地址，请检查链接。", "no such resource; see /api/v1/openapi.json for the routes")
        case .methodNotAllowed: ("此处不能进行这种操作（只允许 {allow}）。", "{method} is not allowed here; use {allow}")
        case .badRequest: ("请求无法处理，请检查后重试。", "the request cannot be processed; check it and retry")
        case .malformedRequest: ("请求报文不完整或格式有误，请重新提交。", "the HTTP message is malformed or incomplete ({reason}); send it again")
        case .invalidFields: ("填写有误，请按各项旁边的提示修改。", "the request has invalid fields; see errors")
        case .unknownField: ("不是可识别的项目，请删除。", "is not a known field; remove it")
        case .wrongType: ("类型不对：请填写{expected}。", "must be {expected_en}, not {got}")
        case .mustNotBeNull: ("不能为空：请填写{expected}。", "must not be null: send {expected_en}")
        case .lastEventID: ("Last-Event-ID 必须是最后收到的通知编号（整数）。", "Last-Event-ID must be the id of the last notification received (an integer)")
        case .signInRequired: ("请先登录。", "sign in first: send Authorization: Bearer <token> from POST /api/v1/sessions")
        case .authorizationMalformed: ("登录凭据格式不对，请重新登录。", "the Authorization header must be: Bearer <token>")
        case .tokenExpired: ("登录已过期，请重新登录。", "the token is unknown or expired; sign in again with POST /api/v1/sessions")
        case .wrongCredentials: ("用户名或密码不正确，请重新输入。", "wrong username or password")
        case .signInThrottled: ("登录失败次数过多，请 {seconds} 秒后再试。", "too many failed sign-ins for this username from your address; wait {seconds} seconds")
        case .roleForbidden: ("您的单位或角色无权进行此操作。", "this needs {needs}; you are {you}")
        case .forbiddenChange: ("您的单位或角色无权修改这条记录。", "your agency or role may not change this {what}")
        case .forbiddenDelete: ("您的单位或角色无权删除这条记录。", "your agency or role may not delete this {what}")
        case .countyOnly: ("只有县发改局的填报员可以进行此操作。", "only county editors may {what}")
        case .adminOnly: ("只有管理员可以新建用户或设置密码。", "only an admin may create users or set passwords")
        case .reviewerOnly: ("月报由县发改局和项目牵头部门的填报员审核，您无权审核。", "reports are reviewed by county editors and the editors of the project's lead department")
        case .reopenCountyOnly: ("只有县发改局的填报员可以退回已审核通过的月报。", "only a county editor may reopen an approved report")
        case .attachmentForbidden: ("您的单位或角色无权给这个项目上传附件。", "your agency or role may not add attachments to project {project_id}")
        case .notFound: ("未找到这条记录：它不存在，或您的单位无权查看。请检查链接或编号。", "{what} not found")
        case .ifMatchRequired: ("保存前请先读取最新内容（缺少版本号 If-Match）。", "send If-Match: \"<version>\" with the version you last read (its ETag)")
        case .versionMismatch: ("别人刚刚修改了这条记录（当前版本 {current}），请重新加载后再保存。", "the resource changed since you read it (now version {current}); read it again and retry")
        case .ifMatchToReplace: ("这条记录已存在（版本 {current}），请重新加载后再保存。", "{what} exists (version {current}): send If-Match: \"{current}\" to replace it")
        case .concurrentChange: ("与他人的修改冲突，请重新加载后重试。", "a concurrent change conflicted with this one; retry it")
        case .notCreatedYet: ("这条记录还没有建立，请直接保存（不带版本号）来新建。", "{what} does not exist yet; send the PUT without If-Match to create it")
        case .stateConflict: ("当前状态下不能进行此操作。", "the resource is not in a state that allows this change")
        case .reportLocked: ("这份月报已审核通过并锁定，如需修改请联系县发改局退回。", "the report is approved and locked; ask a county editor to reopen it")
        case .reviewWrongStatus: ("{month}的月报当前为“{status}”，只有“{needed}”的月报才能{decision}。", "the report of {month_code} is {status_code}; {decision_code} needs a {needed_code} report")
        case .reviewTransition: ("月报当前的状态不能这样变更，请刷新后查看。", "the report's status cannot change this way")
        case .assessmentPublished: ("这次考核已发布，发布后不能再修改。", "the assessment is already published; a published run never changes")
        case .assessmentNotDone: ("这次考核还没有计算完成，完成后才能发布。", "only a done run can be published")
        case .noPublishedRanking: ("{year}年{period}考核排名尚未发布：请县发改局先发起考核、等待计算完成后发布。", "no {period_code} run of {year} has been published yet; queue one with POST /api/v1/assessments, then publish it once done")
        case .noTargets: ("{year}年还没有大于 0 的考核目标，请先设定目标。", "{year} has no targets above zero; set targets with PUT /api/v1/targets/{year}/{agency_id} first")
        case .monthNotBegun: ("{month}还没有开始（今天是{today}），请在当月开始后再报送。", "{month_code} has not begun (today is {today_code} in Asia/Shanghai); report a month once it has begun")
        case .requiredText: ("必填：请填写不超过 {max} 个字的文字。", "required: a non-empty text of at most {max} characters")
        case .blankText: ("不能为空：请填写不超过 {max} 个字的文字。", "must not be blank: a non-empty text of at most {max} characters")
        case .textTooLong: ("最多 {max} 个字（现有 {got} 个字），请删减。", "must be at most {max} characters (got {got})")
        case .containsNUL: ("含有不可见的空字符，请删除后重新填写。", "must not contain the NUL character (U+0000); remove it")
        case .requiredChoice: ("必填：请从列表中选择（{allowed}）。", "required: one of {allowed}")
        case .notAChoice: ("请从列表中选择（{allowed}），“{value}”不在其中。", "must be one of {allowed} (got \"{value}\")")
        case .requiredDate: ("必填：请填写日期，格式如 2026-11-30。", "required: a date as YYYY-MM-DD")
        case .notADate: ("请填写真实的日期，格式如 2026-11-30（现为“{value}”）。", "must be a real date as YYYY-MM-DD (got \"{value}\")")
        case .requiredMonth: ("必填：请填写月份，格式如 2026-11。", "required: a month as YYYY-MM")
        case .notAMonth: ("请填写 2000 至 2100 年间的月份，格式如 2026-11（现为“{value}”）。", "must be a month as YYYY-MM with year 2000-2100 (got \"{value}\")")
        case .requiredYear: ("必填：请填写 {min} 至 {max} 之间的年份。", "required: a year from {min} to {max}")
        case .notAYear: ("请填写 {min} 至 {max} 之间的年份。", "must be a year from {min} to {max}")
        case .requiredMoney: ("必填：请填写不小于 0 的金额（万元），最多 2 位小数。", "required: a number ≥ 0 with at most 2 decimals, in 万元")
        case .notANumber: ("请填写数字金额（万元），例如 1,234.56。", "must be a number ≥ 0 with at most 2 decimals, in 万元")
        case .negativeAmount: ("金额不能为负数，请填写不小于 0 的金额（万元）。", "must be a number ≥ 0 with at most 2 decimals, in 万元")
        case .tooManyDecimals: ("金额最多保留 2 位小数（万元），请四舍五入后再填。", "must be a number ≥ 0 with at most 2 decimals, in 万元")
        case .amountTooLarge: ("金额过大（整数部分最多 14 位），请核对单位是否为万元。", "must be below 100000000000000 (at most 14 digits before the decimal point), in 万元")
        case .requiredID: ("必填：请选择一项。", "required: an id (integer > 0)")
        case .notAnID: ("请选择列表中的一项（编号须为正整数）。", "must be a positive integer id")
        case .requiredInteger: ("必填：请填写 {min} 至 {max} 之间的整数。", "required: an integer from {min} to {max}")
        case .integerOutOfRange: ("请填写 {min} 至 {max} 之间的整数（现为 {got}）。", "must be an integer from {min} to {max} (got {got})")
        case .requiredBoolean: ("必填：请选择是或否。", "required: true or false")
        case .notABoolean: ("请选择是或否。", "must be true or false")
        case .controlCharacters: ("文件名不能含有控制字符，请重命名后再上传。", "must not contain control characters")
        case .valueTaken: ("已被使用，请换一个。", "must be unique; this value is already used")
        case .unknownReference: ("所选记录不存在，或您的单位无权查看，请重新选择。", "must refer to an existing row you can see")
        case .agencyWrongKind: ("所选单位的类型不符合此项要求（区县或部门），请重新选择。", "must be an agency of the kind this field needs (district or department)")
        case .notVisibleProject: ("所选项目不存在或无权查看，请重新选择。", "must be the id of a project you can see")
        case .notDepartmentOrDistrict: ("请选择一个部门或区县。", "must be an existing department or district")
        case .notAllowedByRules: ("不符合项目建设年的规定，请核对后修改。", "is not allowed by the campaign's rules")
        case .valueNotStorable: ("数值无法保存，请检查类型和范围。", "has a value the database cannot store; check its type and range")
        case .requiredValue: ("必填，请填写。", "is required")
        case .cannotChange: ("不能修改，如需更改请新建用户。", "cannot change; create a new user instead")
        case .agencyKindFixed: ("单位类型不能修改，请删除此项。", "an agency's kind cannot change; remove it")
        case .requiredPassword: ("必填：请填写密码，至少 {min} 个字符。", "required: at least {min} characters")
        case .passwordTooShort: ("密码至少 {min} 个字符，请加长。", "must be at least {min} characters")
        case .passwordTooLong: ("密码最多 {max} 字节（约 {max_chinese} 个汉字），请缩短。", "must be at most {max} bytes in UTF-8")
        case .usernameFormat: ("用户名须为 1 至 64 个英文字母、数字或 . _ @ - 符号。", "must be 1 to 64 characters of letters A-Z, a-z, digits and . _ @ -")
        case .agencyCodeFormat: ("单位代码须为 1 至 32 个英文字母、数字或 . _ - 符号。", "must be 1 to 32 characters of letters A-Z, a-z, digits and . _ -")
        case .nationalCodeFormat: ("项目代码格式应为 2026-520329-48-01-000123（年份-6位区划代码-2位行业-2位类型-6位流水号），现为“{value}”。", "must be 24 characters as YYYY-DDDDDD-II-TT-NNNNNN, digits only (got \"{value}\")")
        case .nationalCodeRequired: ("新开工及以后阶段的项目必须填写项目代码（格式如 2026-520329-48-01-000123）。", "required from stage new_start on: the national project code as YYYY-DDDDDD-II-TT-NNNNNN")
        case .divisionCodeFormat: ("行政区划代码须为 6 位数字，例如 520329（现为“{value}”）。", "must be 6 digits, such as 520329 (got \"{value}\")")
        case .stageReopenCountyOnly: ("已取消的项目只能由县发改局恢复。", "a cancelled project can be brought back only by the county")
        case .stageResumeToReserve: ("暂停的项目只能恢复到前期及以后阶段；退回储备需由县发改局操作。", "a suspended project may resume at preliminary or later; moving it to reserve is a county action")
        case .stageBackward: ("建设阶段只能向前推进（储备→前期→新开工→在建→竣工投产），退回需由县发改局操作。", "stage moves only forward (reserve → preliminary → new_start → construction → completed); moving back is a county action")
        case .actualStartRequired: ("建设阶段为“{stage}”时，必须填写实际开工日期（格式如 2026-11-30）。", "required when stage is {stage_code}: the actual start date as YYYY-MM-DD")
        case .actualCompletionRequired: ("建设阶段为“{stage}”时，必须填写实际竣工日期（格式如 2026-11-30）。", "required when stage is {stage_code}: the actual completion date as YYYY-MM-DD")
        case .completionBeforeStart: ("实际竣工日期不能早于实际开工日期（{start}）。", "must not be before actual_start ({start})")
        case .plannedCompletionBeforeStart: ("计划竣工日期不能早于计划开工日期（{start}）。", "must not be before planned_start ({start})")
        case .decidedOnRequired: ("审批结果为“{status}”时，必须填写办结日期。", "required when status is {status_code}")
        case .decidedBeforeApplied: ("办结日期不能早于申报日期（{applied}）。", "must not be before applied_on ({applied})")
        case .resolvedOnOnlyResolved: ("问题未解决时，请不要填写解决日期。", "must be null unless status is resolved")
        case .platformRequired: ("资金来源为融资平台时，必须选择融资平台。", "required when kind is platform: the id of a financing platform")
        case .platformOnlyForPlatform: ("资金来源不是融资平台时，请不要选择融资平台。", "must be null unless kind is platform")
        case .monthlyRequired: ("必填：请填写 1 至 12 月各月的计划投资（万元）。", "required: an array of 12 monthly amounts in 万元, January first")
        case .monthlyNotArray: ("请按 1 至 12 月的顺序填写 12 个月的计划投资（万元）。", "must be an array of 12 monthly amounts in 万元, not {got}")
        case .monthlyCount: ("须填写 12 个月的计划投资（现有 {got} 个），1 月在前。", "must have exactly 12 monthly amounts, January to December (got {got})")
        case .monthlySum: ("12 个月合计 {sum}，与年度计划投资 {annual} 不一致，请调整使两者相等。", "the twelve months add up to {sum_code}, not to annual_investment {annual_code}; make them equal")
        case .parkItemNotInStandard: ("所选建设内容不属于园区采用的建设标准（六通一平或八通一平），请重新选择。", "must be an item of the park's standard")
        case .parkStandardItems: ("园区已有不属于新标准的建设内容，请先删除这些内容再更换标准。", "the park has items outside this standard; remove them first")
        case .reservedExceedsQuota: ("预留指标不能超过年度用地指标（{quota} 亩）。", "must not exceed quota_mu ({quota})")
        case .areaNotPositive: ("用地面积必须大于 0 亩。", "must be more than 0 亩")
        case .reserveMajorOnly: ("预留用地指标只供重大项目使用，请改用一般指标。", "the reserved land quota is for major projects only")
        case .reserveExceeded: ("本年度预留用地指标已不足，请减少面积。", "the year's reserved land quota has too little left for this area")
        case .quotaExceeded: ("本年度一般用地指标（预留之外）已不足，请减少面积。", "the year's land quota outside the reserve has too little left for this area")
        case .reserveAllocated: ("预留指标不能少于已分配的面积，请先调整用地分配。", "the reserve is already allocated beyond this amount")
        case .quotaAllocated: ("年度指标不能少于已分配的面积，请先调整用地分配。", "the quota outside the reserve is already allocated beyond this amount")
        case .weightNotIndicator: ("不是考核指标；权重只能按这些指标设置：{allowed}。", "is not an indicator; weights are keyed by {allowed}")
        case .weightRequired: ("必填：请填写不小于 0 的权重（0 表示不考核此项）。", "required: a number ≥ 0 (0 leaves the indicator out)")
        case .numberNegative: ("请填写不小于 0 的数字（现为 {got}）。", "must be a number ≥ 0 (got {got})")
        case .weightsSumZero: ("至少给一项指标设置大于 0 的权重。", "must have a positive sum: give at least one indicator a weight > 0")
        case .quarterSharesCount: ("须填写 4 个季度的累计目标比例，第四季度为 1（现有 {got} 个）。", "must be 4 numbers: the cumulative shares of the annual target for Q1-Q4, the last 1 (got {got})")
        case .quarterShareRange: ("季度累计比例须大于 0 且不超过 1（现为 {got}）。", "must be > 0 and ≤ 1 (got {got})")
        case .quarterSharesDecrease: ("季度比例是累计的，不能小于上一季度的 {previous}。", "must not be below the previous quarter's share {previous} (shares are cumulative)")
        case .quarterShareLast: ("第四季度的累计比例必须为 1（即全年目标），现为 {got}。", "must be exactly 1: the Q4 target is the annual target (got {got})")
        case .capBelowOne: ("得分上限须不小于 1，例如 1.2 表示 120%（现为 {got}）。", "must be a number ≥ 1, e.g. 1.2 for 120% (got {got})")
        case .periodWeightsSum: ("年度权重与季度权重之和须为 1（现为 {annual} + {quarterly}）。", "annual_weight + quarterly_weight must equal 1 (got {annual} + {quarterly})")
        case .deadlineDay: ("报送截止日须为每月 1 日至 28 日（现为 {got}）。", "must be an integer from 1 to 28 (got {got})")
        case .schemeNotObject: ("考核方案必须是一个 JSON 对象。", "the body must be a JSON object: the scheme")
        case .attachmentTooLarge: ("附件最大 {mib} MiB，请压缩后再上传。", "an attachment may be at most {mib} MiB; send a smaller file")
        case .attachmentQuota: ("这个项目的附件空间只剩 {left}，请删除旧附件或上传更小的文件。", "the project's attachment quota has {bytes} bytes left; delete attachments or send a smaller file")
        case .attachmentType: ("只能上传这些类型的文件：{accepted}。", "send the file with Content-Type one of {accepted}")
        case .attachmentContent: ("文件内容不是允许的类型（{accepted}），请换一个文件。", "the file is none of {accepted} by its content; send one of those")
        case .attachmentMislabelled: ("文件实际是 {actual}，与所选类型 {declared} 不符，请重新选择。", "the file's content is {actual} but Content-Type says {declared}; declare {actual}")
        case .uploadTooLarge: ("文件超过 {mib} MiB，请拆分成几个小文件后分别上传。", "the file exceeds {mib} MiB; split it into smaller files")
        case .fileUnsupported: ("无法识别此文件，请上传 .xlsx 工作簿或 CSV 文件。", "this is not a file this reads: {reason}")
        case .fileUnreadable: ("无法读取此文件，请在 Excel 或 WPS 中另存为 .xlsx 后重新上传。", "the file cannot be read: {reason}")
        case .sheetEmpty: ("表格是空的：第一行须是表头（{headers}），下面是数据。", "the sheet is empty: it needs a header row ({headers}) and rows below it")
        case .sheetErrors: ("表格中有 {count} 处错误，未导入任何数据，请按提示修改后重新上传。", "the sheet has {count} error(s); nothing was imported: correct them and upload again")
        case .importReportsChanged: ("导入期间月报被他人修改，未导入任何数据，请重新下载模板。", "reports changed while the file was imported; nothing was imported: download the template again")
        case .importProjectsChanged: ("导入期间项目被他人修改，未导入任何数据，请重新下载后再导入。", "projects changed while the file was imported; nothing was imported: download them again")
        case .cellFormulaError: ("单元格是错误值 {value}，请修正公式或直接填写数值。", "holds the error {value}: correct the formula or type the value")
        case .cellFormulaUnsaved: ("单元格是公式但没有保存计算结果，请重新计算并保存，或直接填写数值。", "is a formula saved without its result: recalculate and save, or type the value")
        case .cellDateNumber: ("请填写日期，格式如 2026-11-30（现为数字 {value}）。", "must be a date (YYYY-MM-DD), not the number {value}")
        case .cellYesNo: ("请填写“是”或“否”。", "must be 是 or 否")
        case .unknownAgencyName: ("没有名为“{value}”的{kind}，请核对名称。", "no {kind_code} is named {value}")
        case .unknownParkName: ("没有名为“{value}”的园区，请核对名称。", "no park is named {value}")
        case .requiredProjectCode: ("必填：请填写项目编号。", "required: the project's code")
        case .requiredInvestment: ("必填：请填写本月完成投资（万元），没有则填 0。", "required: the investment completed this month, in 万元 (0 if none)")
        case .templateVersion: ("版本号请保留模板中的整数，或留空。", "must be the version from the template (a whole number), or empty")
        case .duplicateRow: ("项目 {code} 已在第 {earlier} 行，每个项目只保留一行。", "project {code} is already in row {earlier}; keep one row per project")
        case .missingColumn: ("表头缺少“{column}”列，请使用下载的模板。", "the header row has no column {column}")
        case .codeOfHiddenProject: ("项目编号已被您无权查看的项目使用，请换一个编号。", "unknown code: it belongs to a project you cannot see; choose another code")
        case .districtNotWritable: ("您不能新建或修改这个区县的项目。", "you may not create or change projects of this district")
        case .projectVersionMissing: ("项目已存在（版本 {current}），请重新下载，或填写其版本号。", "the project exists (version {current}): download it again, or fill in its version")
        case .projectStale: ("项目在此版本后已被修改（现为版本 {current}），请重新下载。", "the project was changed since this version (now {current}): download it again")
        case .noProjectYet: ("还没有这个编号的项目：新建项目时请将“版本”留空。", "no project has this code yet: leave 版本 empty to create it")
        case .unknownProjectCode: ("没有编号为 {code} 的项目，或您无权查看，请核对编号。", "unknown code {code}: no project with this code that you can see")
        case .projectNotWritable: ("您不能为项目 {code} 报送月报。", "you may not report for project {code}")
        case .reportVersionMissing: ("本月已有月报（版本 {current}），请重新下载模板，或填写其版本号。", "the month already has a report (version {current}): download the template again, or fill in its version")
        case .reportStale: ("月报在此版本后已被修改（现为版本 {current}），请重新下载模板。", "the report was changed since this version (now {current}): download the template again")
        case .noReportYet: ("本月还没有月报：请将“版本”留空。", "there is no report for this month yet: leave 版本 empty")
        case .importsBusy: ("同时进行的导入已达上限（{limit} 个），请稍后重试。", "{limit} imports are running, the most at once; retry shortly")
        case .multipartNoBoundary: ("上传的表单缺少 boundary 参数，请用浏览器表单或 curl -F 上传文件。", "the multipart/form-data Content-Type has no boundary; upload with a browser form or curl -F")
        case .multipartMalformed: ("上传的表单格式不对，请用浏览器表单或 curl -F 重新上传。", "the multipart/form-data body is malformed; upload with a browser form or curl -F")
        case .multipartIncomplete: ("上传的表单不完整（缺少结束分隔符），请重新上传。", "the multipart/form-data body is incomplete (no closing boundary); upload it again")
        case .multipartNoFile: ("表单中没有文件，请附上一个文件。", "the form holds no file; attach one file")
        case .multipartManyFiles: ("表单中有 {count} 个文件，请一次只上传一个文件。", "the form holds {count} files; upload one file at a time")
        case .listNotDownloadable: ("这个列表不能导出为表格，请去掉 format 参数，按页读取。", "this list cannot be downloaded as a sheet; leave out format and read it page by page as JSON")
        case .formatDocxOnly: ("只能为 docx（Word 文档）。", "must be docx (a Word document)")
        case .formatErrorSheet: ("请填写 xlsx（错误说明表）或 json，或不填。", "must be xlsx (the sheet annotated with its errors) or json, or left out")
        case .unknownAgencies: ("参会单位 {ids} 不存在，请从单位列表中选择。", "agencies {ids} do not exist; choose from the agency list")
        case .meetingClosed: ("会议已结束，议题、决定事项和纪要不能再修改；如需更正，请在新的会议中作出决定。", "the meeting is closed: its agenda, decisions and minutes cannot change; make a correction as a decision of a new meeting")
        case .subjectNotFound: ("找不到这个{what}，请核对编号。", "no visible {type} has this id; check it")
        case .decisionAgency: ("责任单位须为县直部门、县级单位或项目所在区县，请重新选择。", "the responsible agency must be a department, the county or the project's district")
        case .bulletinIssued: ("通报已印发，不能再修改；如需更正，请另行起草通报。", "the bulletin is issued and cannot change; draft a new bulletin to correct it")
        case .monthNotEnded: ("{month}尚未结束，月度通报只能对已结束的月份起草。", "{month_code} has not ended; a monthly bulletin covers an ended month")
        case .runNotPublished: ("须为已发布的考核结果，请先发布考核再起草考核通报。", "must be a published assessment run; publish the run first")
        case .leaderNotCounty: ("包保县领导须为县级单位的现有用户，请选择县领导的账号。", "the responsible leader must be an active user of the county")
        case .commissionerNotDepartment: ("服务专员须为县直部门的现有用户，请选择部门人员的账号。", "the service commissioner must be an active user of a department")
        case .serviceMajorOnly: ("只有重大项目设置包保县领导和服务专员，请先将项目标为重大项目。", "only major projects have a responsible leader and commissioner; mark the project major first")
        case .explanationRequired: ("本月完成投资 {amount} 万元不在本月计划 {plan} 万元的 {below}%–{above}% 之内，请填写情况说明（说明偏离计划的原因）。", "the month's investment of {amount} (10k yuan) is outside {below}%–{above}% of the month's plan of {plan}; send an explanation")
        case .signInThrottledAddress: ("您所在网络的登录失败次数过多，请 {seconds} 秒后再试。", "too many failed sign-ins from your address; wait {seconds} seconds")
        case .batchItemsRequired: ("必填：要审核的月报列表（1 至 {max} 份），每份含项目、月份和版本。", "required: an array of 1 to {max} {\"project_id\",\"month\",\"version\"}, one per report")
        case .batchItemObject: ("每一项须为一份月报（项目、月份和版本）。", "must be an object {\"project_id\",\"month\",\"version\"}, not {got}")
        case .batchItemVersion: ("必填：您看到的月报版本（正整数）。", "required: the report's version as you saw it (an integer ≥ 1; If-Match of a single review)")
        case .agencyIDsRequired: ("必填：参会单位编号的列表，如 [3, 5]（可为空）。", "required: an array of attending agency ids such as [3, 5] (may be empty)")
        case .agendaSubjectRequired: ("必填：议题所涉对象（问题、项目或审批手续）及其编号。", "required: the item's subject {\"type\": \"problem\", \"project\" or \"approval\", \"id\"}")
        case .csvEncoding: ("这个 CSV 文件不是 UTF-8 或 GB18030（GBK）编码（例如 Excel 的“Unicode 文本”是 UTF-16），无法读取：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx。", "the CSV file is UTF-16, or neither UTF-8 nor GB18030; save it as \"CSV UTF-8\" or .xlsx and upload it again")
        case .rankingRunWaiting: ("{year}年{period}考核排名尚未发布：第 {run_id} 次考核{status}，县发改局发布后即可查看。", "no {period_code} run of {year} has been published yet. Run {run_id} is {status_code}{computing}; a county editor publishes it with POST /api/v1/assessments/{run_id}/publish{once_done}")
        case .databaseReadOnly: ("数据库暂时只读（正在恢复或切换），请稍后重试。", "the database is read-only for now (recovering or switching over); retry shortly")
        case .projectMovesDistrict: ("不能把项目改到其他区县：所在区县只有县发改局可以修改，请改回原区县。", "a project cannot move to another district here: only the county changes a project's district")
        case .duplicateProjectRow: ("项目 {code} 在前面的行中已出现（按项目编号或项目代码），每个项目只保留一行。", "project {code} already appears in an earlier row (by local or national code); keep one row per project")
        case .reportDueTitle: ("【月报提醒】{code} {name}：{month}月报请于 {deadline} 前报送", "Report due: {code} {name}, the {month_code} report by {deadline_code}")
        case .reportDueBody: ("项目 {code} {name}尚未报送 {month}月度进展，报送截止日为 {deadline}。", "Project {code} {name} has not reported its progress for {month_code}; the deadline is {deadline_code}.")
        case .reportLateTitle: ("【月报逾期】{code} {name}：{month}月报逾期未报", "Report late: {code} {name}, the {month_code} report is overdue")
        case .reportLateBody: ("项目 {code} {name}的 {month}月度进展报送截止日 {deadline} 已过，请尽快报送。", "The deadline {deadline_code} for project {code} {name}'s {month_code} progress has passed; report it as soon as possible.")
        case .reportReturnedTitle: ("【月报退回】{code} {name}：{month}月报被退回", "Report returned: {code} {name}, the {month_code} report")
        case .reportReturnedBody: ("退回意见：{comment}。请修改后重新报送。", "Reviewer's comment: {comment}. Correct the report and submit it again.")
        case .problemOverdueTitle: ("【{what}逾期】{code} {name}：已超过办结期限", "Overdue {what}: {code} {name} is past its due date")
        case .problemOverdueBody: ("{what}“{description}”的办结期限为 {due}，尚未办结；逾期 {days} 天将提交领导小组督办。", "The {what} \"{description}\" was due {due_code} and is not resolved; {days} days after its due date it goes to the leading group (督办).")
        case .problemEscalatedTitle: ("【督办】{code} {name}：{what}逾期 {days} 天未解决，提交领导小组督办{leader}", "Escalated: {code} {name}, a {what} {days} days overdue goes to the leading group{leader}")
        case .problemEscalatedBody: ("{what}“{description}”（责任单位：{department}）办结期限为 {due}，至今未解决。", "The {what} \"{description}\" (responsible: {department}) was due {due_code} and is still not resolved.")
        case .problemRaisedTitle: ("【包保项目】{code} {name}：新增{what}", "Your service project {code} {name}: a new {what}")
        case .problemRaisedBody: ("内容：“{description}”{due_note}。", "Details: \"{description}\"{due_note}.")
        case .behindPlanTitle: ("【计划预警】{code} {name}：投资完成滞后于年度计划", "Behind plan: {code} {name}'s investment is behind its annual plan")
        case .behindPlanBody: ("截至 {month}，累计完成投资 {actual}，为计划 {plan}的 {ratio}。", "By the end of {month_code}, {actual_amount} (10,000 yuan) is completed: {ratio} of the planned {plan_amount}.")
        case .assessmentPublishedTitle: ("{year}年{period}考核结果已发布", "The {year} {period_code} assessment results are published")
        case .assessmentPublishedBody: ("本单位得分 {score}，{rank}。", "Your agency's score: {score}; {rank}.")
        case .bulletinIssuedTitle: ("【通报】{title}", "Bulletin: {title}")
        case .bulletinIssuedBody: ("{number} 已印发，请查阅并按要求落实。", "{number} is issued; read it and act on its requirements.")
        case .wordProblem: ("困难问题", "problem")
        case .wordDecision: ("会议决定事项", "meeting decision")
        case .wordUnassigned: ("未指定", "not assigned")
        case .wordLeaderNote: ("（包保县领导：{leader}）", " (responsible county leader: {leader})")
        case .wordDueNote: ("，办结期限 {due}", ", due {due_code}")
        case .wordRanked: ("排名第 {rank} 名", "ranked {rank}")
        case .wordUnranked: ("不参与排名", "not ranked")
        case .agendaOverdueProblem: ("问题“{description}”已超过办结期限 {due}，尚未解决", "The problem \"{description}\" is past its due date {due_code} and not resolved")
        case .agendaEscalatedProblem: ("问题“{description}”逾期未解决，已提交领导小组督办（办结期限 {due}）", "The problem \"{description}\" is overdue and escalated to the leading group (due {due_code})")
        case .agendaBehindPlan: ("截至 {month}，累计完成投资 {actual}，为计划 {plan}的 {ratio}，进度滞后", "By the end of {month_code}, {actual_amount} (10,000 yuan) is completed: {ratio} of the planned {plan_amount}, behind plan")
        case .agendaMissingReport: ("{month}月报未报送（或已退回未重报）", "The {month_code} report is missing (or was returned and not submitted again)")
        case .agendaSlowApproval: ("{approval}手续自 {applied} 申请以来已办理 {days} 天，超过 {limit} 天时限（办理单位：{department}）", "The {approval_code} approval applied for on {applied_code} has taken {days} days, over the {limit}-day limit (handled by {department})")
        case .agendaCarriedOver: ("遗留事项（{meeting}）：{description}；责任单位：{department}，办结期限 {due}", "Carried over from {meeting}: {description}; responsible: {department}, due {due_code}")
        case .databaseUnavailable: ("系统繁忙，请稍后重试。", "the database is busy or unavailable; retry shortly")
        case .internalError: ("系统出现意外错误，已记录，请稍后重试或联系管理员。", "an unexpected error occurred; it has been logged")
        }
    }
}
