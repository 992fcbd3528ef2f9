import Foundation
import Hummingbird
import Outbox

/// `/admin/deliveries`: hosts with an open breaker, an unavailable mark, or failing or dead
/// deliveries, worst first, each with a retry; then the failing and dead deliveries themselves
/// (of one host with `?host=`), each with a retry. The same ledger calls as `deliveries retry`.
extension AdminController {
    /// Deliveries listed per state.
    static let deliveriesPageSize = 100

    /// `GET /admin/deliveries[?host=H]`.
    @Sendable func deliveries(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let host = request.queryFields["host"].flatMap { $0.isEmpty ? nil : $0 }
        let hosts = try await outbox.troubledHosts()
        var rows: [DeliveryRecord] = []
        for state in [DeliveryState.failed, .dead] {
            rows += try await outbox.deliveries(DeliveryFilter(state: state, host: host, limit: Self.deliveriesPageSize))
        }
        let model = AdminDeliveriesModel(frame: frame, hosts: hosts, deliveries: rows, host: host,
                                         counts: try await outbox.deliveryCounts(), now: deps.clock.now())
        return try await render(.adminDeliveries, title: "Deliveries", model: model, frame: frame, context: context,
                                returnTo: AdminPaths.deliveries)
    }

    /// `POST /admin/deliveries/retry-host` (`host`): every failed or dead delivery to the host
    /// due now, its breaker closed and its unavailable mark cleared.
    @Sendable func retryHost(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, form) = try await actionForm(request, context)
        guard let host = form["host"]?.lowercased(), !host.isEmpty, host.count <= 300 else {
            return done(.problem("The form named no host. Reload the page and use its buttons."), form: form,
                        fallback: AdminPaths.deliveries, context: context)
        }
        let changed = try await outbox.retry(host: host, now: deps.clock.now())
        let notice = AdminNotice.done("Retrying \(host): \(changed) deliver\(changed == 1 ? "y" : "ies") due now, its breaker closed and any unavailable mark cleared.")
        return done(notice, form: form, fallback: AdminPaths.deliveries, context: context)
    }

    /// `POST /admin/deliveries/{id}/retry`: one failed or dead delivery due now (a dead one with
    /// its dead successors of the same order and inbox).
    @Sendable func retryDelivery(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, form) = try await actionForm(request, context)
        guard let id = OrderPaths.parse(context.parameters.get("id")) else { throw PageError.notFound() }
        let notice: AdminNotice = try await outbox.retry(delivery: id, now: deps.clock.now())
            ? .done("Delivery \(OrderPaths.id(id)) is due now with a fresh attempt budget.")
            : .problem("Delivery \(OrderPaths.id(id)) is not failed or dead (delivered, still pending, or unknown); nothing to retry.")
        return done(notice, form: form, fallback: AdminPaths.deliveries, context: context)
    }
}
