import ActorIdentity
import Foundation
import Hummingbird
import Storage

/// All routes and middleware. Operations and federation routes skip session resolution;
/// browser routes get the session from the cookie.
func makeRouter(deps: Dependencies, demo: DemoCatalog?, database: Database,
                collections: CollectionsSetup? = nil, sandbox: SandboxProvider? = nil, inbox: InboxSetup? = nil) throws -> Router<AppRequestContext> {
    let registry = PrometheusBootstrap.registry // bootstrap before any metric is created
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(views: deps.views, signInEnabled: deps.signInEnabled))
    OperationsController(database: database, metricsToken: deps.configuration.metricsToken, registry: registry)
        .addRoutes(to: router)
    if let federation = try federationController(deps.configuration) {
        router.addRoutes(federation.routes(context: AppRequestContext.self))
    }
    collections?.install(on: router) // before the browser routes: it answers /orders/{id} as activity+json
    inbox?.addRoutes(to: router) // POST /inbox: signatures, not sessions

    WebhookController(orders: deps.orders, limiter: RateLimiter(deps.configuration.limits.webhook),
                      bodyLimit: deps.configuration.limits.webhookBodyBytes).addRoutes(to: router)

    let browser = router.group().add(middleware: SessionMiddleware(sessions: deps.sessions))
    HomeController(deps: deps, demo: demo).addRoutes(to: browser)
    CartController(deps: deps).addRoutes(to: browser)
    OrdersController(deps: deps, orders: deps.orders).addRoutes(to: browser)
    if let sandbox {
        SandboxController(deps: deps, provider: sandbox, onWebhook: SandboxWebhook.reconciler(deps.orders))
            .addRoutes(to: browser)
    }
    FragmentsController(deps: deps, peers: inbox?.fragments).addRoutes(to: browser)
    AuthController(deps: deps).addRoutes(to: browser)
    try AdminController.make(deps: deps).addRoutes(to: browser) // 404 unless a CART_ADMINS user is signed in
    if let demo { DemoCalendarController(deps: deps, demo: demo).addRoutes(to: browser) }
    return router
}

/// The discovery endpoints (WebFinger, NodeInfo, actor, keys, `/ns`). The keyring is re-read
/// when `CART_KEYS_DIR` changes (and at least every 30 s), so `keys rotate` in another process
/// takes effect without loading every key file on each request (~2 ms per key).
func federationController(_ configuration: AppConfiguration) throws -> FederationController? {
    guard let baseURL = configuration.baseURL, let directory = configuration.keysDirectory else { return nil }
    let reader = ReloadingKeyring(directory: URL(fileURLWithPath: directory, isDirectory: true))
    return FederationController(urls: try ActorURLs(baseURL: baseURL), software: SoftwareInfo(version: ServiceVersion.current),
                                keyring: { try await reader.current() })
}

/// This build's release, reported by NodeInfo.
public enum ServiceVersion {
    /// The version string.
    public static let current = "0.1.0"
}
