import Hummingbird

/// `GET /fragments/cart-mini` and `GET /fragments/account-nav-item`: snippets for the browser's
/// own cookie (the signed-peer variant comes with the inbox issue). Links are absolute because
/// sibling pages embed them.
struct FragmentsController: Sendable {
    let deps: Dependencies

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("fragments/cart-mini", use: cartMini)
        router.get("fragments/account-nav-item", use: accountNavItem)
    }

    struct CartMiniModel { let cartURL: String; let count: Int }
    struct AccountModel { let cartURL: String; let user: String?; let signInURL: String? }

    @Sendable func cartMini(_ request: Request, context: AppRequestContext) async throws -> Response {
        var count = 0
        if let session = context.session { count = try await deps.carts.view(.owner(session.owner)).itemCount }
        return Views.html(deps.views.render(.cartMini, CartMiniModel(cartURL: deps.base.url("/cart"), count: count)))
    }

    @Sendable func accountNavItem(_ request: Request, context: AppRequestContext) async throws -> Response {
        let model = AccountModel(cartURL: deps.base.url("/cart"), user: context.session?.user?.value,
                                 signInURL: deps.signInEnabled ? deps.base.url("/auth/login") : nil)
        return Views.html(deps.views.render(.accountNavItem, model))
    }
}
