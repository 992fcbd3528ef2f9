import Commerce
import Foundation
import Hummingbird

/// The visitor's cart pages and commands (contract §5). Commands answer 303; refusals are pages.
struct CartController: Sendable {
    let deps: Dependencies

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("cart", use: cart)
        router.get("pages/:slug/cart", use: pageCart)
        router.post("cart/items", use: addItem)
        router.get("cart/items/pending", use: addPending)
        router.post("cart/items/:line", use: setQuantity)
        router.post("cart/items/:line/delete", use: removeLine)
        router.post("pages/:slug/checkout", use: checkout)
        router.get("cart/handle", use: handle)
    }

    /// `GET /cart`: lines grouped by page. No session means an empty cart and no database work.
    @Sendable func cart(_ request: Request, context: AppRequestContext) async throws -> Response {
        let view = try await cartView(context.session)
        return try await render(view, heading: "Your cart", session: context.session, returnTo: "/cart")
    }

    /// `GET /pages/{slug}/cart`: one page's part of the cart.
    @Sendable func pageCart(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard Page.isValidSlug(slug), let page = try await deps.catalog.page(slug: slug) else { throw PageError.notFound() }
        let full = try await cartView(context.session)
        let groups = full.groups.filter { $0.page.slug == slug }
        let view = CartView(groups: groups, totalsByCurrency: groups.map(\.total))
        return try await render(view, heading: "Your cart: \(page.title)", session: context.session,
                                cartCount: full.itemCount, returnTo: "/pages/\(slug)/cart")
    }

    /// `POST /cart/items`: add `product` × `quantity`; sibling origins need no token.
    @Sendable func addItem(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.formFields(limit: deps.formLimit)
        let verdict = try deps.csrf.check(request, form: form, session: context.session, allowSibling: true)
        guard let text = form["product"], let product = IRI(text) else {
            throw PageError.badRequest("No product was chosen. Go back to the shop and choose one.")
        }
        let quantity = try QuantityField.parse(form["quantity"], range: CartLimits.quantity)
        let target = try form["return_to"].map { try ReturnTarget.checked($0, siblings: deps.siblings) } ?? "/cart"
        if verdict == .sibling, context.session == nil {
            // The browser withheld our Lax cookie from the cross-site POST: finish on our origin.
            let ticket = SiblingAddTicket(product: product, quantity: quantity, returnTo: target, now: Date())
            return Dependencies.seeOther(ReturnTarget.adding("t", ticket.encoded(deps.secrets), to: "/cart/items/pending"))
        }
        return try await add(product, quantity: quantity, returnTo: target, context: context)
    }

    /// `GET /cart/items/pending?t=TICKET`: the second half of a sibling's add-to-cart (see
    /// `SiblingAddTicket`); a top-level navigation, so the visitor's own cookie comes with it.
    @Sendable func addPending(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let text = request.queryFields["t"],
              let ticket = SiblingAddTicket.decoded(text, secrets: deps.secrets, now: Date()) else {
            throw PageError.badRequest("This add-to-cart link has expired. Go back to the shop's page and press the button again.")
        }
        return try await add(ticket.product, quantity: ticket.quantity, returnTo: ticket.returnTo, context: context)
    }

    private func add(_ product: IRI, quantity: Int, returnTo target: String, context: AppRequestContext) async throws -> Response {
        let (session, cookie) = try await deps.sessions.ensure(context)
        let handle = session.user == nil ? deps.sessions.handle(of: session) : nil
        try await deps.carts.addProduct(product, quantity: quantity, owner: session.owner, handle: handle)
        return Dependencies.seeOther(target, cookie: cookie)
    }

    /// `POST /cart/items/{line}`: set a line's quantity (0 removes).
    @Sendable func setQuantity(_ request: Request, context: AppRequestContext) async throws -> Response {
        let line = try Self.lineID(context)
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        let quantity = try QuantityField.parse(form["quantity"], range: 0...CartLimits.quantity.upperBound)
        let target = try form["return_to"].map { try ReturnTarget.checked($0, siblings: deps.siblings, allowSiblings: false) } ?? "/cart"
        guard let session = context.session else { throw CartError.unknownLine }
        try await deps.carts.setQuantity(line: line, to: quantity, owner: session.owner)
        return Dependencies.seeOther(target)
    }

    /// `POST /cart/items/{line}/delete`: remove any line.
    @Sendable func removeLine(_ request: Request, context: AppRequestContext) async throws -> Response {
        let line = try Self.lineID(context)
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        let target = try form["return_to"].map { try ReturnTarget.checked($0, siblings: deps.siblings, allowSiblings: false) } ?? "/cart"
        guard let session = context.session else { throw CartError.unknownLine }
        let removed = try await deps.carts.removeLine(line, owner: session.owner)
        if removed.item.isCalendarItem {
            // Telling the calendar (`Remove{object, target: CART}`) arrives with the outbox issue.
            context.logger.info("calendar line removed; calendar not yet told",
                                metadata: ["item": "\(removed.item.iri)", "calendar": "\(removed.calendarActor?.value ?? "-")"])
        }
        return Dependencies.seeOther(target)
    }

    /// `POST /pages/{slug}/checkout`: freeze the page's lines into an order, 303 to the payment
    /// page. Refusals are pages saying what to do next; an unreachable provider offers a retry.
    @Sendable func checkout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        guard Page.isValidSlug(slug), try await deps.catalog.page(slug: slug) != nil else { throw PageError.notFound() }
        guard let session = context.session else { throw CheckoutRefusal.page(for: .emptyCart) }
        do {
            let start = try await deps.orders.checkout(pageSlug: slug, owner: session.owner)
            return Dependencies.seeOther(start.paymentURL)
        } catch {
            return try await CheckoutRefusal.response(for: error, session: session, deps: deps, logger: context.logger)
        }
    }

    /// `GET /cart/handle?return_to=URL`: for sibling sites; 303 back with `cart_handle=H`.
    @Sendable func handle(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.queryFields
        guard let returnTo = query["return_to"], ReturnTarget.isSiblingURL(returnTo, siblings: deps.siblings) else {
            throw PageError.badRequest("return_to must be an address on one of the cooperative's sites.")
        }
        let (session, cookie) = try await deps.sessions.ensure(context)
        let handle = deps.sessions.handle(of: session)
        // The handle must name a cart before a calendar can put things in it: the anonymous
        // cart itself, or for a signed-in visitor an alias to the user's cart that lives as long
        // as an idle session may.
        if let user = session.user {
            try await deps.carts.pointHandle(handle, atCartOf: user, for: deps.configuration.limits.sessionIdleSeconds)
        } else {
            try await deps.carts.ensureCart(owner: session.owner, handle: handle)
        }
        return Dependencies.seeOther(ReturnTarget.adding("cart_handle", handle, to: returnTo), cookie: cookie)
    }

    // MARK: Helpers

    private func cartView(_ session: WebSession?) async throws -> CartView {
        guard let session else { return CartView(groups: [], totalsByCurrency: []) }
        return try await deps.carts.view(.owner(session.owner))
    }

    private func render(_ view: CartView, heading: String, session: WebSession?, cartCount: Int? = nil,
                        returnTo: String) async throws -> Response {
        let nav = try await deps.nav(session, cartCount: cartCount ?? view.itemCount, returnTo: returnTo)
        let model = CartPageModel(view: view, heading: heading, csrf: session.map { deps.sessions.csrfToken(of: $0) })
        return deps.views.page(.cart, title: heading, model: model, nav: nav)
    }

    private static func lineID(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("line"), let id = UUID(uuidString: text) else {
            throw PageError.notFound("That line is not in your cart. Reload your cart and try again.")
        }
        return id
    }
}
