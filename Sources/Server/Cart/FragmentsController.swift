import Commerce
import Hummingbird

/// `GET /fragments/cart-mini` and `GET /fragments/account-nav-item`: snippets for the browser's
/// own cookie, or, with `?handle=H` or `?customer=IRI`, for a signed GET from a configured peer
/// or sibling (contract §5). Links are absolute because sibling pages embed them.
struct FragmentsController: Sendable {
    let deps: Dependencies
    /// Who may ask on a visitor's behalf; nil when the inbox (and so signature checks) is off.
    var peers: PeerFragmentAccess? = nil

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("fragments/cart-mini", use: cartMini)
        router.get("fragments/account-nav-item", use: accountNavItem)
    }

    struct CartMiniModel { let cartURL: String; let count: Int }
    struct AccountModel { let cartURL: String; let user: String?; let signInURL: String? }

    /// Whose cart a peer asks about.
    private enum PeerTarget {
        case handle(String)
        case customer(IRI)
    }

    @Sendable func cartMini(_ request: Request, context: AppRequestContext) async throws -> Response {
        var count = 0
        switch try await peerTarget(request) {
        case .handle(let handle)?: count = try await deps.carts.view(.handle(handle)).itemCount
        case .customer(let user)?: count = try await deps.carts.view(.owner(.user(user))).itemCount
        case nil: if let session = context.session { count = try await deps.carts.view(.owner(session.owner)).itemCount }
        }
        return Views.html(deps.views.render(.cartMini, CartMiniModel(cartURL: deps.base.url("/cart"), count: count)))
    }

    @Sendable func accountNavItem(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user: String?
        switch try await peerTarget(request) {
        case .handle?: user = nil
        case .customer(let iri)?: user = iri.value
        case nil: user = context.session?.user?.value
        }
        let model = AccountModel(cartURL: deps.base.url("/cart"), user: user,
                                 signInURL: deps.signInEnabled ? deps.base.url("/auth/login") : nil)
        return Views.html(deps.views.render(.accountNavItem, model))
    }

    /// The visitor a signed peer asks about, nil for a browser's own request; 403 when the query
    /// names someone but the request is not signed by a peer or sibling, 400 for a bad customer.
    private func peerTarget(_ request: Request) async throws -> PeerTarget? {
        let handle = request.uri.queryParameters.get("handle")
        let customer = request.uri.queryParameters.get("customer")
        guard handle != nil || customer != nil else { return nil }
        guard let peers, await peers.allows(request) else {
            throw HTTPError(.forbidden, message: "Only a signed request from a configured peer or sibling may ask about another visitor.")
        }
        if let customer {
            guard let iri = IRI(customer) else { throw HTTPError(.badRequest, message: "customer must be an http(s) IRI.") }
            return .customer(iri)
        }
        return handle.flatMap { $0.isEmpty ? nil : .handle($0) }
    }
}
