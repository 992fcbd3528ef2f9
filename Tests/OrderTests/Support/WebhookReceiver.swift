import Commerce
import Foundation
import TestSupport

/// Where the fake SumUp's webhooks land in the tests: like the app's `POST /webhooks/sumup`, it
/// trusts nothing in the body but the checkout id and triggers a reconcile.
actor WebhookReceiver {
    private var orders: OrderService?
    private(set) var received = 0
    private(set) var unknown = 0

    func attach(_ orders: OrderService) { self.orders = orders }

    func answer(_ request: ServerRequest) async -> ServerResponse {
        guard request.method == "POST", request.path.hasPrefix("/webhooks/sumup") else { return .text("no", status: 404) }
        received += 1
        guard let orders,
              let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
              let checkoutID = object["id"] as? String
        else { return .text("bad webhook", status: 400) }
        guard let orderID = try? await orders.orderID(providerCheckoutID: checkoutID) else {
            unknown += 1
            return .text("unknown checkout, retry later", status: 503)
        }
        do {
            _ = try await orders.reconcile(orderID: orderID, trigger: .webhook)
            return .text("ok")
        } catch {
            return .text("reconcile failed", status: 503)
        }
    }
}
