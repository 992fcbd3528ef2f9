import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import Outbox
import Storage

/// The operators' pages under `/admin` (contract §5, issue 8 item 3): orders needing a person,
/// all orders, one order, follow requests and followers, failing deliveries, pages. Only
/// `CART_ADMINS` users who are signed in get past the gate (everyone else: 404). Every action is
/// a plain form (same origin + the session's token, no sibling exception) answered by a 303 back
/// with a notice line.
struct AdminController: Sendable {
    let deps: Dependencies
    let access: AdminAccess
    /// The delivery ledger (hosts, deliveries, retries).
    let outbox: any OutboxReading
    /// Follow requests and followers.
    let followers: any FollowerRegistry

    /// The controller over the app's database (the outbox store is stateless: reads and writes
    /// go to the ledger the running publisher and workers use).
    static func make(deps: Dependencies) throws -> AdminController {
        let store = SQLOutboxStore(database: deps.database, urls: try ActorURLs(baseURL: deps.configuration.baseURL ?? deps.base.origin))
        return AdminController(deps: deps, access: AdminAccess(admins: deps.configuration.admins), outbox: store, followers: store)
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        let admin = router.group("admin").add(middleware: AdminGateMiddleware(access: access))
        admin.get("", use: attention)
        admin.get("orders", use: orderList)
        admin.get("orders/:id", use: order)
        admin.post("orders/:id/refund", use: refund)
        admin.post("orders/:id/recheck", use: recheck)
        admin.get("follows", use: follows)
        admin.post("follows/approve", use: approve)
        admin.post("follows/reject", use: reject)
        admin.post("follows/remove", use: removeFollower)
        admin.get("deliveries", use: deliveries)
        admin.post("deliveries/retry-host", use: retryHost)
        admin.post("deliveries/:id/retry", use: retryDelivery)
        admin.get("pages", use: pages)
    }

    // MARK: Shared by the pages

    /// The frame every admin page shows: the section links, the session's token, the notice.
    func frame(_ request: Request, _ context: AppRequestContext) throws -> AdminFrame {
        _ = try access.admin(context)
        guard let session = context.session else { throw PageError.notFound() }
        let token = deps.sessions.csrfToken(of: session)
        return AdminFrame(csrf: token, notice: AdminNotice.read(request, token: token))
    }

    /// An admin page: `model` rendered by `name` in the layout; clears a notice it showed.
    func render(_ name: Views.Name, title: String, model: Any, frame: AdminFrame, context: AppRequestContext,
                returnTo: String) async throws -> Response {
        let nav = try await deps.nav(context.session, returnTo: returnTo)
        var response = deps.views.page(name, title: title, model: model, nav: nav)
        if frame.showsNotice { response.setCookie(AdminNotice.cleared(secure: deps.base.isHTTPS)) }
        return response
    }

    /// Reads an action's form: the admin gate, then the CSRF rule (same origin + token, no sibling).
    func actionForm(_ request: Request, _ context: AppRequestContext) async throws -> (admin: IRI, form: FormFields) {
        let admin = try access.admin(context)
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session, allowSibling: false)
        return (admin, form)
    }

    /// 303 to `back` (an `/admin` path from the form, else `fallback`) carrying `notice`.
    func done(_ notice: AdminNotice, form: FormFields, fallback: String, context: AppRequestContext) -> Response {
        var response = Dependencies.seeOther(AdminPaths.back(form["back"], fallback: fallback))
        if let session = context.session {
            response.setCookie(notice.cookie(token: deps.sessions.csrfToken(of: session), secure: deps.base.isHTTPS))
        }
        return response
    }
}

/// What every admin page's frame shows (stored properties only: templates read them by Mirror).
struct AdminFrame: Sendable {
    /// The session's CSRF token for the page's forms.
    let csrf: String
    /// The last action's outcome when it worked, shown once.
    let done: String?
    /// The last action's outcome when it failed, shown once.
    let problem: String?

    init(csrf: String, notice: AdminNotice?) {
        self.csrf = csrf
        done = notice?.kind == .done ? notice?.text : nil
        problem = notice?.kind == .problem ? notice?.text : nil
    }

    /// Whether a notice is shown (and must be cleared).
    var showsNotice: Bool { done != nil || problem != nil }
}
