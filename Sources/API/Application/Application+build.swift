import Hummingbird
import Logging
import ServiceLifecycle
import Store

/// Builds the HTTP application: the router, and the services that live and stop with it (the
/// pool, and the listener that keeps the session cache in step with every other server).
public func buildApplication(
    configuration: ApplicationConfiguration, dependencies: AppDependencies
) -> some ApplicationProtocol {
    let database = dependencies.database
    let revocations = SessionRevocationListener(
        url: database.pool.configuration.url, cache: database.sessions, logger: dependencies.logger
    )
    return Application(
        router: buildRouter(dependencies),
        configuration: configuration,
        services: [PoolService(pool: database.pool), SessionRevocationService(listener: revocations)],
        logger: dependencies.logger
    )
}

/// Every route of `/api/v1`, from each controller's table.
public func apiRoutes(_ dependencies: AppDependencies) -> [APIRoute] {
    let database = dependencies.database
    let controllers: [any APIController] = [
        SessionController(database: database, sessionLifetime: dependencies.sessionLifetime),
        ProjectController(database: database),
        SchemeController(database: database, defaultScheme: dependencies.defaultScheme),
        AssessmentController(database: database),
        RankingController(database: database, defaultScheme: dependencies.defaultScheme),
        ParkController(database: database),
        LandController(database: database),
        CategoryLeadController(database: database),
        AttractionTeamController(database: database),
        AttractionDealController(database: database),
        TargetController(database: database),
        StatisticsController(database: database),
        AgencyController(database: database),
        UserController(database: database),
        MonthlyReportController(database: database),
        HistoryController(database: database),
        ProjectChildController<FundingResource>(database: database),
        ProjectChildController<ApprovalResource>(database: database),
        ProjectChildController<ProblemResource>(database: database),
        FinancingPlatformController(database: database),
    ]
    let routes = controllers.flatMap(\.routes)
    let document = OpenAPIDocument.build(routes)
    let openAPI = APIRoute(public: .get, "openapi.json", "This OpenAPI 3.1 document") { _, _ in try JSONResponse.make(document) }
    return routes + [openAPI]
}

/// Builds the router: middleware, health and metrics, then the API's route table.
public func buildRouter(_ dependencies: AppDependencies) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        ProblemMiddleware()
        LogRequestsMiddleware(.info)
        MetricsMiddleware()
    }
    HealthController(dependencies: dependencies).addRoutes(to: router)
    let api = router.group("api/v1").add(middleware: SessionAuthenticator(database: dependencies.database))
    let authenticated = api.group(context: AuthenticatedContext.self)
    let routes = apiRoutes(dependencies)
    for route in routes {
        switch route.handler {
        case .anyone(let handler): api.on(RouterPath(route.path), method: route.method, use: handler)
        case .signedIn(let handler):
            authenticated.on(RouterPath(route.path), method: route.method) { request, context in
                guard route.permits(context.caller) else {
                    throw Problem(.forbidden, detail: "this needs \(route.access.description); you are \(context.caller.agencyKind.rawValue) \(context.caller.role.rawValue)")
                }
                return try await handler(request, context)
            }
        }
    }
    addMethodNotAllowed(routes, to: api)
    return router
}

/// A known path asked with a method it does not have answers 405 with `Allow`, not 404.
func addMethodNotAllowed(_ routes: [APIRoute], to group: RouterGroup<AppRequestContext>) {
    let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]
    for (path, allowed) in Dictionary(grouping: routes, by: \.path).mapValues({ Set($0.map(\.method)) }) {
        let allow = methods.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
        for method in methods where !allowed.contains(method) {
            group.on(RouterPath(path), method: method) { _, _ -> Response in
                throw Problem(.methodNotAllowed, detail: "\(method.rawValue) is not allowed here; use \(allow)", headers: [.allow: allow])
            }
        }
    }
}
