import Commerce
import Foundation
import Hummingbird

/// `/admin` (orders needing a person) and the refund action. A refund is written durably
/// before SumUp is called and settled after (OrderService.refund); the page only reports.
extension AdminController {
    /// Orders on the attention list at most.
    static let attentionPageSize = 200

    /// `GET /admin`: owed orders, unknown money state, calendar refused after payment, refunds
    /// without a final answer; each with refund and re-check forms.
    @Sendable func attention(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let found = try await deps.orders.ordersNeedingAttention(limit: Self.attentionPageSize)
        let titles = Dictionary(try await deps.catalog.pages().map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        let model = AdminAttentionModel(frame: frame, orders: found.map { AdminOrderRow($0, pageTitle: titles[$0.pageSlug] ?? $0.pageSlug) })
        return try await render(.adminAttention, title: "Needs attention", model: model, frame: frame, context: context,
                                returnTo: AdminPaths.home)
    }

    /// `POST /admin/orders/{id}/refund`: `full=1` refunds everything still refundable, else
    /// `amount` (minor units of the order's currency) is refunded.
    @Sendable func refund(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (admin, form) = try await actionForm(request, context)
        let id = try Self.orderID(context)
        guard let details = try await deps.orders.order(id: id, access: .operator) else { throw PageError.notFound() }
        let fallback = AdminPaths.order(id)
        let amount: Money?
        switch AdminRefundAmount.parse(full: form["full"], amount: form["amount"], currency: details.snapshot.total.currency) {
        case .success(let parsed): amount = parsed
        case .failure(let problem): return done(.problem(problem.text), form: form, fallback: fallback, context: context)
        }
        let number = details.snapshot.number
        let notice: AdminNotice
        do {
            let record = try await deps.orders.refund(orderID: id, amount: amount, requestedBy: admin.value)
            notice = .done("Refunded \(record.amount) of order \(number) (refund \(OrderPaths.id(record.id)), \(record.state.rawValue)).")
        } catch {
            context.logger.notice("admin refund not made", metadata: ["order": "\(id)", "error": "\(error.message)"])
            notice = .problem("Order \(number): \(error.message)")
        }
        return done(notice, form: form, fallback: fallback, context: context)
    }
}
