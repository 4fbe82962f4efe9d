import Campaign
import Spreadsheet

/// Builds the OpenAPI 3.1 document of `/api/v1` from the route table and the named schemas.
enum OpenAPIDocument {
    static func build(_ routes: [APIRoute]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for route in routes {
            paths[route.openAPIPath, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        paths["/api/v1/openapi.json"] = ["get": ["summary": "This OpenAPI 3.1 document", "x-access": "anyone",
                                                "responses": ["200": ["description": "the document"]]]]
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "ProjectYear API",
                "version": "1.0.0",
                "description": "The county's Project Construction Year (项目建设年) back end. Money in 万元, dates YYYY-MM-DD, months YYYY-MM.",
            ],
            "paths": .object(paths.mapValues(JSONValue.object)),
            "components": [
                "schemas": .object(componentSchemas(closing: Set(routes.compactMap(\.requestSchemaName)))),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    /// The named schemas; those read as request bodies are closed (`additionalProperties: false`),
    /// since `RequestBody` answers 422 for a field it does not know.
    static func componentSchemas(closing requestBodies: Set<String>) -> [String: JSONValue] {
        var schemas = OpenAPIComponents.schemas.mapValues(\.json)
        for name in requestBodies {
            guard case .object(var schema)? = schemas[name] else { continue }
            schema["additionalProperties"] = false
            schemas[name] = .object(schema)
        }
        return schemas
    }

    static func operation(_ route: APIRoute) -> JSONValue {
        var operation: [String: JSONValue] = [
            "summary": .string(route.summary),
            "x-access": .string(route.access.rawValue),
            "responses": responses(route),
        ]
        var parameters = route.path.split(separator: "/").filter { $0.hasPrefix(":") }.map { segment -> JSONValue in
            let name = String(segment.dropFirst())
            let schema: Schema = switch name {
            case "year": .year
            case "id": .id
            case _ where name.hasSuffix("_id"): .id
            case "month": .month
            case "category": .choice(ProjectCategory.self)
            case "item": .choice(ParkItem.self)
            default: .text
            }
            return ["name": .string(name), "in": "path", "required": true, "schema": schema.json]
        }
        let query = (route.response?.isPage == true ? QueryParameter.paging : []) + route.query
        parameters += query.map { parameter in
            [
                "name": .string(parameter.name), "in": "query", "required": .bool(parameter.required),
                "description": .string(parameter.description), "schema": parameter.schema.json,
            ]
        }
        if let ifMatch = ifMatch(route) { parameters.append(ifMatch) }
        if route.downloadable { parameters.append(downloadFormat) }
        if route.access != .anyone { operation["security"] = [["bearer": []]] }
        if let request = route.request {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": request.json]]]
        } else if !route.rawRequestTypes.isEmpty {
            operation["requestBody"] = ["required": true, "content": fileContent(route.rawRequestTypes)]
        }
        if route.uploadsSpreadsheet {
            let file: JSONValue = ["schema": ["type": "string", "contentMediaType": "application/octet-stream"]]
            operation["requestBody"] = [
                "required": true,
                "description": "the file itself (at most 20 MiB; an old .xls answers 415), or a multipart/form-data form with one file part; CSV in UTF-8 or GB18030; optional query filename= names it in the import record (else the part's file name)",
                "content": [
                    SpreadsheetFormat.xlsx.contentType: file, "text/csv": file,
                    "multipart/form-data": ["schema": ["type": "object", "properties": ["file": ["type": "string", "contentMediaType": "application/octet-stream"]]]],
                ],
            ]
            parameters.append(["name": "dry_run", "in": "query", "required": false, "schema": ["type": "boolean"],
                               "description": "true: check and count only, write nothing"])
            parameters.append(["name": "filename", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 255]])
            parameters.append(["name": "format", "in": "query", "required": false, "schema": ["type": "string", "enum": ["json", "xlsx"]],
                               "description": "xlsx: check only (as dry_run) and answer the uploaded sheet itself with a last column 错误说明 and the wrong cells filled red (X-Import-Errors: how many)"])
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        return .object(operation)
    }

    /// `If-Match` (CONTRACT.md): required to change or delete a resource (428 without it, 412 when
    /// stale); on a PUT, required only when the resource already exists.
    static func ifMatch(_ route: APIRoute) -> JSONValue? {
        let required: Bool
        switch route.method {
        case .patch: required = true
        case .delete where route.path.contains(":"): required = true
        case _ where route.needsIfMatch: required = true
        case .put: required = false
        default: return nil
        }
        let description = required
            ? "the version last read, as its ETag: \"<version>\"; 428 without it, 412 when it is stale"
            : "needed to replace an existing resource (428 without it, 412 when stale), not to create one"
        return [
            "name": "If-Match", "in": "header", "required": .bool(required), "description": .string(description),
            "schema": ["type": "string", "pattern": "^\"[1-9][0-9]{0,8}\"$"],
        ]
    }

    /// A file body of one of `types`: its bytes, as a string of that media type.
    static func fileContent(_ types: [String]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: types.map { type in
            (type, ["schema": ["type": "string", "contentMediaType": .string(type)]] as JSONValue)
        }))
    }

    /// `format` of a list that downloads as a spreadsheet.
    static let downloadFormat: JSONValue = [
        "name": "format", "in": "query", "required": false,
        "description": "xlsx or csv: the whole filtered list (not one page) as a spreadsheet with Chinese headers, sent as an attachment; json (the default) a page. Accept: of those types does the same.",
        "schema": ["type": "string", "enum": ["json", "xlsx", "csv"]],
    ]

    static func responses(_ route: APIRoute) -> JSONValue {
        var success: JSONValue = route.response.map { schema in
            var content: [String: JSONValue] = [route.mediaType: ["schema": schema.json]]
            if case .object(let files) = fileContent(route.rawResponseTypes) { content.merge(files) { $1 } }
            return ["description": route.rawResponseTypes.isEmpty ? "success" : "success: JSON, or the file its format names",
                    "content": .object(content)]
        } ?? (route.rawResponseTypes.isEmpty ? ["description": "success, no body"]
            : ["description": "the file", "content": fileContent(route.rawResponseTypes)])
        if route.uploadsSpreadsheet, case .object(var object) = success, case .object(var content)? = object["content"] {
            content[SpreadsheetFormat.xlsx.contentType] = ["schema": ["type": "string", "contentMediaType": "application/octet-stream"]]
            object["content"] = .object(content)
            object["description"] = "success: the summary, or with format=xlsx the sheet annotated with its errors (Content-Disposition: attachment)"
            success = .object(object)
        }
        if route.downloadable, case .object(var object) = success {
            let file: JSONValue = ["schema": ["type": "string", "contentMediaType": "application/octet-stream"]]
            var content: [String: JSONValue] = [:]
            if !route.fileOnly, case .object(let json)? = object["content"] { content = json }
            content[SpreadsheetFormat.xlsx.contentType] = file
            content["text/csv"] = file
            object["content"] = .object(content)
            object["description"] = route.fileOnly
                ? "the file (Content-Disposition: attachment): .xlsx, or CSV with format=csv"
                : "success: JSON, or with format=xlsx|csv the whole list as a file (Content-Disposition: attachment)"
            success = .object(object)
        }
        let problem: JSONValue = [
            "description": "an error as RFC 9457 problem+json",
            "content": ["application/problem+json": ["schema": Schema.ref("Problem").json]],
        ]
        var responses: [String: JSONValue] = ["default": problem]
        for status in [route.successStatus] + route.otherSuccessStatuses { responses[String(status)] = success }
        return .object(responses)
    }
}
