import Commerce
import Logging

/// The sandbox's stand-in for SumUp's webhook: the checkout it names is looked up and its order
/// reconciled, exactly as `POST /webhooks/sumup` does. Failures are logged; the return page and
/// the sweeper reconcile again.
enum SandboxWebhook {
    /// The closure `SandboxController` calls after Pay or Decline.
    static func reconciler(_ orders: OrderService,
                           logger: Logger = Logger(label: "cart-actor.sandbox")) -> @Sendable (String) async -> Void {
        { checkoutID in
            do {
                guard let orderID = try await orders.orderID(providerCheckoutID: checkoutID) else {
                    logger.warning("sandbox webhook for an unknown checkout", metadata: ["checkout": "\(checkoutID)"])
                    return
                }
                _ = try await orders.reconcile(orderID: orderID, trigger: .webhook)
            } catch {
                logger.warning("sandbox webhook reconcile failed; the return page and sweeper retry",
                               metadata: ["checkout": "\(checkoutID)", "error": "\(error)"])
            }
        }
    }
}
