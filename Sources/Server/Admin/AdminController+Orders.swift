import Commerce
import Foundation
import Hummingbird
import Outbox

/// `/admin/orders` (all orders, by page and state), `/admin/orders/{id}` (one order: items,
/// attempts, refunds, deliveries per recipient) and the re-check action.
extension AdminController {
    /// Orders listed at most.
    static let ordersPageSize = 200

    /// `GET /admin/orders?page=SLUG&state=S`: newest first.
    @Sendable func orderList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let query = request.queryFields
        let pages = try await deps.catalog.pages()
        let slug = query["page"].flatMap { $0.isEmpty ? nil : $0 }
        let status = query["state"].flatMap { $0.isEmpty ? nil : OrderStatus(rawValue: $0) }
        var problem: String?
        var pageIRI: IRI?
        if let slug {
            if let page = pages.first(where: { $0.slug == slug }) { pageIRI = page.iri } else { problem = "There is no page \(slug); showing every page." }
        }
        if let state = query["state"], !state.isEmpty, status == nil { problem = "There is no state \(state); showing every state." }
        let found = try await deps.orders.orders(page: pageIRI, status: status, limit: Self.ordersPageSize)
        let model = AdminOrderListModel(frame: frame, orders: found, pages: pages, slug: pageIRI == nil ? nil : slug,
                                        status: status, problem: problem, limit: Self.ordersPageSize)
        return try await render(.adminOrders, title: "Orders", model: model, frame: frame, context: context,
                                returnTo: AdminPaths.orders)
    }

    /// `GET /admin/orders/{id}`.
    @Sendable func order(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let id = try Self.orderID(context)
        guard let details = try await deps.orders.order(id: id, access: .operator) else {
            throw PageError.notFound("There is no order \(OrderPaths.id(id)). Find it in the orders list.")
        }
        let deliveries = try await outbox.deliveries(DeliveryFilter(orderID: id, limit: 500))
        let title = try await deps.catalog.page(slug: details.pageSlug)?.title ?? details.pageSlug
        let model = AdminOrderModel(frame: frame, details: details, pageTitle: title, deliveries: deliveries,
                                    now: deps.clock.now())
        return try await render(.adminOrder, title: "Order \(details.snapshot.number)", model: model, frame: frame,
                                context: context, returnTo: AdminPaths.order(id))
    }

    /// `POST /admin/orders/{id}/recheck`: reads the payment from the provider now and applies it
    /// (the reconcile the webhook, return page, sweeper and `orders recheck` run).
    @Sendable func recheck(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, form) = try await actionForm(request, context)
        let id = try Self.orderID(context)
        guard let details = try await deps.orders.order(id: id, access: .operator) else { throw PageError.notFound() }
        let notice: AdminNotice
        do {
            let status = try await deps.orders.reconcile(orderID: id, trigger: .operator)
            notice = .done("Order \(details.snapshot.number) re-checked with the payment provider: \(OrderStatusText.label(status).lowercased()) (\(status.rawValue)).")
        } catch {
            context.logger.warning("admin re-check failed", metadata: ["order": "\(id)", "error": "\(error)"])
            notice = .problem("Order \(details.snapshot.number) could not be re-checked: \(error). The sweeper keeps trying; try again in a minute.")
        }
        return done(notice, form: form, fallback: AdminPaths.order(id), context: context)
    }

    static func orderID(_ context: AppRequestContext) throws -> UUID {
        guard let id = OrderPaths.parse(context.parameters.get("id")) else { throw PageError.notFound() }
        return id
    }
}
