import Commerce
import Foundation
import Hummingbird
import Storage

/// What the browser routes share: configuration, services, sessions, templates and guards.
struct Dependencies: Sendable {
    let configuration: AppConfiguration
    let base: BaseOrigin
    /// Sibling origins, normalised (`scheme://host[:port]`).
    let siblings: Set<String>
    let secrets: SessionSecrets
    let carts: CartService
    let catalog: CatalogService
    /// Checkout, orders and payment reconciles (one instance per process, so reconciles coalesce).
    let orders: OrderService
    let sessions: SessionManager
    let sessionStore: SQLSessionStore
    let views: Views
    let csrf: CSRFGuard
    /// Nil unless the account service is configured.
    let login: LoginTokenVerifier?
    let loginLimiter: RateLimiter
    let clock: any WallClock
    let database: Database

    var isDemo: Bool { configuration.mode == .demo }
    /// Whether `/auth/login` leads anywhere.
    var signInEnabled: Bool { isDemo || login != nil }
    /// Largest form body.
    var formLimit: Int { configuration.limits.formBodyBytes }

    /// The navigation bar for `session`; reads the cart count unless the caller has it.
    func nav(_ session: WebSession?, cartCount: Int? = nil, returnTo: String = "/") async throws -> NavModel {
        var nav = NavModel(signInEnabled: signInEnabled,
                           returnTo: returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F")
        guard let session else {
            nav.cartLabel = "Cart (0)"
            return nav
        }
        let count: Int
        if let cartCount { count = cartCount } else { count = try await carts.view(.owner(session.owner)).itemCount }
        nav.cartLabel = "Cart (\(count))"
        nav.signedIn = session.user != nil
        nav.userLabel = session.user?.value
        nav.isAdmin = session.user.map { AdminAccess(admins: configuration.admins).admins.contains($0.value) } ?? false
        nav.csrf = secrets.csrfToken(id: session.id)
        return nav
    }

    /// A 303 to `location`, setting `cookie` when a session was just created.
    static func seeOther(_ location: String, cookie: Cookie? = nil) -> Response {
        var response = Response.redirect(to: location, type: .normal)
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
