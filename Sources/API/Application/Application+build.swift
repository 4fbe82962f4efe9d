import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the HTTP application: the router, and the services that live and stop with it.
public func buildApplication(
    configuration: ApplicationConfiguration, dependencies: AppDependencies
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies),
        configuration: configuration,
        services: [PoolService(pool: dependencies.database.pool)],
        logger: dependencies.logger
    )
}

/// Builds the router: middleware, then each controller's route table.
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
    SessionController(database: dependencies.database, sessionLifetime: dependencies.sessionLifetime)
        .addRoutes(public: api, authenticated: authenticated)
    ProjectController(database: dependencies.database).addRoutes(to: authenticated)
    SchemeController(database: dependencies.database, defaultScheme: dependencies.defaultScheme).addRoutes(to: authenticated)
    AssessmentController(database: dependencies.database).addRoutes(to: authenticated)
    RankingController(database: dependencies.database, defaultScheme: dependencies.defaultScheme).addRoutes(to: authenticated)
    return router
}
