import Commerce
import Foundation
import Hummingbird

/// The visitor's orders (contract §5): the list, one order, the return page SumUp sends the
/// browser to, and a fresh payment attempt. Only the owner (user, or the anonymous session that
/// made it) or the receipt key opens an order; anyone else gets the same 404 as for no order.
struct OrdersController: Sendable {
    let deps: Dependencies
    let orders: OrderService
    /// How long the return page waits for its reconcile before showing the order anyway (the
    /// order page refreshes itself, and the reconcile goes on in the background).
    var returnWait: Duration { .milliseconds(Int(deps.configuration.limits.paymentReturnWaitSeconds * 1000)) }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("orders", use: list)
        router.get("orders/:id", use: show)
        router.get("orders/:id/return", use: returnPage)
        router.post("orders/:id/pay", use: retry)
    }

    /// `GET /orders`: the session's orders, newest first.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        var found: [OrderDetails] = []
        if let session = context.session { found = try await orders.orders(owner: session.owner) }
        var titles: [String: String] = [:]
        for slug in Set(found.map(\.pageSlug)) { titles[slug] = try await deps.catalog.page(slug: slug)?.title }
        let nav = try await deps.nav(context.session, returnTo: "/orders")
        return deps.views.page(.orderList, title: "Your orders", model: OrderListModel(orders: found, titles: titles), nav: nav)
    }

    /// `GET /orders/{id}[?key=…]`: one order, refreshing itself while payment is awaited.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.orderID(context)
        let key = request.queryFields["key"]
        let access: OrderAccess
        if let key {
            access = .receipt(key)
        } else if let session = context.session {
            access = .owner(session.owner)
        } else {
            throw OrderPaths.notFound
        }
        guard let details = try await orders.order(id: id, access: access) else { throw OrderPaths.notFound }
        let isOwner = key == nil
        let title = try await deps.catalog.page(slug: details.pageSlug)?.title ?? details.pageSlug
        let csrf = isOwner ? context.session.map { deps.sessions.csrfToken(of: $0) } : nil
        let model = OrderPageModel(details: details, pageTitle: title, baseURL: deps.base.origin,
                                   retryCSRF: csrf, showReceipt: isOwner)
        let nav = try await deps.nav(context.session, returnTo: OrderPaths.page(id))
        return deps.views.page(.order, title: "Order \(details.snapshot.number)", model: model, nav: nav,
                               refreshSeconds: model.awaiting ? OrderPageModel.refreshSeconds : nil)
    }

    /// `GET /orders/{id}/return`: triggers a reconcile, waits briefly for it, then 303 to the order.
    @Sendable func returnPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.orderID(context)
        guard let session = context.session,
              try await orders.order(id: id, access: .owner(session.owner)) != nil
        else { throw OrderPaths.notFound }
        await Self.run(atMost: returnWait) { [orders, logger = context.logger] in
            do {
                _ = try await orders.reconcile(orderID: id, trigger: .returnPage)
            } catch {
                logger.warning("return-page reconcile failed; the sweeper retries",
                               metadata: ["order": "\(id)", "error": "\(error)"])
            }
        }
        return Dependencies.seeOther(OrderPaths.page(id))
    }

    /// `POST /orders/{id}/pay`: a new payment attempt for an order still awaiting payment.
    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.orderID(context)
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        guard let session = context.session else { throw OrderPaths.notFound }
        do {
            let start = try await orders.retryPayment(orderID: id, owner: session.owner)
            return Dependencies.seeOther(start.paymentURL)
        } catch {
            return try await CheckoutRefusal.response(for: error, session: session, deps: deps, logger: context.logger)
        }
    }

    // MARK: Helpers

    private static func orderID(_ context: AppRequestContext) throws -> UUID {
        guard let id = OrderPaths.parse(context.parameters.get("id")) else { throw OrderPaths.notFound }
        return id
    }

    /// Starts `work` and waits until it ends or `limit` passes, whichever is first; work still
    /// running then carries on unobserved (it logs its own failure).
    static func run(atMost limit: Duration, _ work: @escaping @Sendable () async -> Void) async {
        let (ended, signal) = AsyncStream<Void>.makeStream()
        Task {
            await work()
            signal.finish()
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            signal.finish()
        }
        for await _ in ended {}
        timer.cancel()
    }
}
