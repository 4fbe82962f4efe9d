import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Store

/// Builds the HTTP application: the router, the HTTP/1.1 server with its slow-client and
/// connection limits, and the services that live and stop with it (the pool, and the
/// notification hub with the sessions loop that keeps the session cache in step with every other
/// server).
public func buildApplication(
    configuration: ApplicationConfiguration, dependencies: AppDependencies, limits: ServerLimits = .init(),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    var configuration = configuration
    // Beyond the served connections and those being answered 503, stop accepting for a moment.
    configuration.availableConnectionsDelegate = .maximum(
        limits.maxConnections + ServerLimits.refusalMargin, logger: dependencies.logger
    )
    return Application(
        router: buildRouter(dependencies),
        server: .guardedHTTP1(limits),
        configuration: configuration,
        services: [PoolService(database: dependencies.database), dependencies.notificationHub],
        onServerRunning: onServerRunning,
        logger: dependencies.logger
    )
}

/// Every route of `/api/v1`, from each controller's table.
public func apiRoutes(_ dependencies: AppDependencies) -> [APIRoute] {
    let database = dependencies.database
    let controllers: [any APIController] = [
        SessionController(
            database: database, sessions: dependencies.sessions, sessionLifetime: dependencies.sessionLifetime,
            policy: dependencies.signInPolicy,
            trustedProxies: dependencies.trustedProxies, metrics: dependencies.metrics, passwordCost: dependencies.passwordCost
        ),
        ProjectController(database: database),
        SchemeController(database: database, defaultScheme: dependencies.defaultScheme),
        AssessmentController(database: database),
        RankingController(database: database, defaultScheme: dependencies.defaultScheme, behindBelow: dependencies.planBehindRatio),
        ParkController(database: database),
        LandController(database: database),
        CategoryLeadController(database: database),
        AttractionTeamController(database: database),
        AttractionDealController(database: database),
        TargetController(database: database),
        StatisticsController(database: database),
        AgencyController(database: database),
        UserController(database: database, sessions: dependencies.sessions, passwordCost: dependencies.passwordCost),
        MonthlyReportController(database: database, clock: dependencies.clock, explanationRule: dependencies.explanationRule),
        PlanController(database: database, behindBelow: dependencies.planBehindRatio),
        ReviewController(database: database, explanationRule: dependencies.explanationRule),
        NotificationController(database: database, hub: dependencies.notificationHub),
        HistoryController(database: database),
        ProjectChildController<FundingResource>(database: database),
        ProjectChildController<ApprovalResource>(database: database),
        ProjectChildController<ProblemResource>(database: database),
        FinancingPlatformController(database: database),
        AttachmentController(database: database, quota: dependencies.attachmentQuota, clock: dependencies.clock),
        OpenDataController(database: database, settings: dependencies.openData),
        AcrossProjectsController(database: database),
        ImportController(
            database: database, clock: dependencies.clock, gate: ImportGate(limit: dependencies.maxConcurrentImports),
            explanationRule: dependencies.explanationRule),
        ServiceController(database: database, behindBelow: dependencies.planBehindRatio, clock: dependencies.clock),
        MeetingController(database: database, behindBelow: dependencies.planBehindRatio, clock: dependencies.clock),
        BulletinController(
            database: database, behindBelow: dependencies.planBehindRatio, defaultScheme: dependencies.defaultScheme, clock: dependencies.clock),
    ]
    let routes = controllers.flatMap(\.routes).map(ListDownload.covering)
    let document = OpenAPIDocument.build(routes)
    let openAPI = APIRoute(public: .get, "openapi.json", "This OpenAPI 3.1 document") { _, _ in try JSONResponse.make(document) }
    return routes + [openAPI]
}

/// Builds the router: middleware, health and metrics, then the API's route table. HEAD answers
/// every GET route (from its handler, without the body).
public func buildRouter(_ dependencies: AppDependencies) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let routes = apiRoutes(dependencies)
    router.addMiddleware {
        ConsoleSecurityHeaders()
        RequestLogMiddleware(level: .info)
        ProblemMiddleware()
        DeclaredLengthMiddleware()
        MetricsMiddleware()
        MethodNotAllowedMiddleware(routes: routes)
    }
    if let folder = dependencies.consoleFolder {
        router.addMiddleware { Console.files(in: folder, context: AppRequestContext.self) }
    }
    HealthController(dependencies: dependencies).addRoutes(to: router)
    var api = router.group("api/v1")
    if let replicas = dependencies.database.replicas {
        api = api.add(middleware: ReplicaRoutingMiddleware(database: dependencies.database, replicas: replicas))
    }
    api = api.add(middleware: SessionAuthenticator(database: dependencies.database, sessions: dependencies.sessions)).add(middleware: ParameterTextMiddleware())
    let authenticated = api.group(context: AuthenticatedContext.self)
    for route in routes {
        switch route.handler {
        case .anyone(let handler): api.on(RouterPath(route.path), method: route.method, use: handler)
        case .signedIn(let handler):
            authenticated.on(RouterPath(route.path), method: route.method) { request, context in
                guard route.permits(context.caller) else {
                    throw Problem(.forbidden, .roleForbidden, [
                        "needs": route.access.description, "you": "\(context.caller.agencyKind.rawValue) \(context.caller.role.rawValue)",
                    ])
                }
                return try await handler(request, context)
            }
        }
    }
    return router
}
