import Campaign
import Hummingbird
import Store

/// `/users`: admins manage the users of their agency, county admins those of every agency.
/// Passwords are hashed by `PasswordHasher` (bcrypt, cost 12, off the event loop).
struct UserController: APIController {
    let database: Database
    /// Forgets a changed user's cached tokens here at once (other servers hear the announcement).
    let sessions: SessionCache
    /// bcrypt's cost for new passwords (`AppDependencies.passwordCost`).
    let passwordCost: UInt8

    var routes: [APIRoute] {
        [
            APIRoute(.get, "users", .signedIn, "Visible users (the county: all; others: their agency's)", list)
                .documented(response: .page(of: .ref("UserAccount")))
                .query(.id("agency_id", "only this agency's users")),
            APIRoute(.post, "users", .admin, "Create a user (county admin: any agency; agency admin: own)", create)
                .documented(request: .ref("UserInput"), response: .ref("UserAccount"), status: 201),
            APIRoute(.get, "users/:id", .signedIn, "One visible user", show)
                .documented(response: .ref("UserAccount")),
            APIRoute(.patch, "users/:id", .admin, "Change a user's display name, role, active flag or password (If-Match)", update)
                .documented(request: .ref("UserPatch"), response: .ref("UserAccount")),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let filter = query.id("agency_id")
        try query.check()
        return try await ListPage.response(paging, context: context, database: database) {
            try UserQueries.list(agencyID: filter, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let new = try UserBody.create(&body)
        try Self.requireAdmin(context)
        let hash = try await PasswordHasher.hash(new.password, cost: passwordCost)
        let user = NewUser(username: new.username, displayName: new.displayName, passwordHash: hash, agencyID: new.agencyID, role: new.role)
        let record = try await database.transaction(as: context.caller) { try UserQueries.insert(user, on: $0) }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/users/\(record.id)")
    }

    static let rows = VersionedRows<UserRecord>(noun: "user", find: UserQueries.find(id:on:))

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        var body = try await RequestBody.read(request, context: context)
        let changes = try UserBody.patch(&body)
        // Read first, so an invisible user is 404 and a stale version 412 before any hashing.
        guard let current = try await database.transaction(as: context.caller, { try UserQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("user \(id)")
        }
        guard current.version == version else { throw Preconditions.stale(current: current.version) }
        var hash: String?
        if let password = changes.password {
            try Self.requireAdmin(context)
            hash = try await PasswordHasher.hash(password, cost: passwordCost)
        }
        let stored = UserChanges(displayName: changes.displayName, role: changes.role, active: changes.active, passwordHash: hash)
        let record = try await database.transaction(as: context.caller) { connection -> UserRecord in
            if let updated = try UserQueries.update(id: id, version: version, stored, on: connection) { return updated }
            throw try Preconditions.unchanged(current: UserQueries.find(id: id, on: connection)?.version, expected: version, what: "user \(id)")
        }
        sessions.revoke(userID: id)
        return try JSONResponse.make(record, version: record.version)
    }

    /// Row-level security refuses writes by non-admins anyway; this check only spares a bcrypt
    /// hash (a quarter of a second of CPU) for a request that is bound to fail.
    static func requireAdmin(_ context: AuthenticatedContext) throws {
        guard context.caller.role == .admin else {
            throw Problem(.forbidden, .adminOnly)
        }
    }
}

extension UserRecord: VersionedRecord {}
