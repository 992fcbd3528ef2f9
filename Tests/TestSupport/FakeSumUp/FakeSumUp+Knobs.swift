import Commerce
import Foundation
import Payments
import Transport

extension FakeSumUp {
    /// The next `count` API requests fail with `status` (503 unless told) before doing anything.
    public func failNext(_ count: Int, status: Int = 503) async { await state.set(failCount: count, status: status) }
    /// Every API request waits `delay` before it is handled (bench: 100 ms).
    public func setDelay(_ delay: Duration) async { await state.set(delay: delay) }
    /// The next create stores the checkout but answers 409, as if our first try's answer was lost.
    public func answer409OnCreate() async { await state.set(answerAfterCreate: [409]) }
    /// The next creates store their checkouts but answer these statuses instead of 201.
    public func answerAfterCreate(_ statuses: [Int]) async { await state.set(answerAfterCreate: statuses) }
    /// The next refunds are applied but answered with these statuses instead of 201 (500: the
    /// answer of a refund that happened is lost).
    public func answerAfterRefund(_ statuses: [Int]) async { await state.set(answerAfterRefund: statuses) }
    /// Webhooks are recorded but not sent.
    public func loseWebhooks(_ lose: Bool = true) async { await state.set(loseWebhooks: lose) }
    /// Whether a FAILED checkout can still be paid on its hosted page (SumUp: yes; default on).
    public func allowPaymentAfterFailed(_ allowed: Bool) async { await state.set(paymentAfterFailed: allowed) }
    /// Reads of `checkoutID` report `amount` instead of what was asked (nil: the truth again).
    public func reportAmount(_ amount: Money?, for checkoutID: String) async { await state.set(reported: amount, for: checkoutID) }

    /// Pays `checkoutID` as a buyer on the hosted page would, then sends the webhook.
    @discardableResult
    public func pay(_ checkoutID: String) async throws(FakePaymentRefusal) -> FakeCheckout {
        let checkout = try await state.pay(checkoutID).get()
        await sendWebhook(checkoutID)
        return checkout
    }

    /// Declines `checkoutID` (FAILED, still payable), then sends the webhook; nil if not payable.
    @discardableResult
    public func fail(_ checkoutID: String) async -> FakeCheckout? {
        guard let checkout = await state.fail(checkoutID) else { return nil }
        await sendWebhook(checkoutID)
        return checkout
    }

    /// Declines and later pays the same checkout (SumUp allows this while the page is open).
    @discardableResult
    public func payAfterFailed(_ checkoutID: String) async throws(FakePaymentRefusal) -> FakeCheckout {
        _ = await fail(checkoutID)
        return try await pay(checkoutID)
    }

    /// Marks `checkoutID` EXPIRED (unless paid), with no webhook, as SumUp does.
    public func expire(_ checkoutID: String) async { await state.expire(checkoutID) }

    /// Posts `{"event_type":"CHECKOUT_STATUS_CHANGED","id":…}` to the checkout's `return_url`
    /// (unless webhooks are being lost); records the attempt.
    public func sendWebhook(_ checkoutID: String) async {
        guard let checkout = await state.checkout(checkoutID), let target = checkout.returnURL else { return }
        guard !(await state.loseWebhooks) else {
            await state.recordWebhook(FakeWebhookDelivery(checkoutID: checkoutID, url: target, status: nil))
            return
        }
        let body = WireJSON.object([WireMember("event_type", .string("CHECKOUT_STATUS_CHANGED")),
                                    WireMember("id", .string(checkoutID))])
        var status: Int?
        if let url = URL(string: target) {
            let request = OutboundRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")],
                                          body: body.serializedBytes())
            status = try? await webhookTransport.send(request).status
        }
        await state.recordWebhook(FakeWebhookDelivery(checkoutID: checkoutID, url: target, status: status))
    }

    /// The checkout as the fake holds it.
    public func checkout(_ id: String) async -> FakeCheckout? { await state.checkout(id) }
    /// Every checkout, oldest first.
    public func checkouts() async -> [FakeCheckout] { await state.allCheckouts() }
    /// Every request-body schema violation seen (tests assert this is empty).
    public func violations() async -> [String] { await state.violations }
    /// Webhooks tried, oldest first.
    public func webhooks() async -> [FakeWebhookDelivery] { await state.webhooks }
    /// Refunds accepted, oldest first.
    public func refunds() async -> [FakeRefund] { await state.refunds }
    /// How many API requests started with `prefix` (e.g. `"POST /v0.1/checkouts"`).
    public func requestCount(_ prefix: String) async -> Int { await state.requestLines.filter { $0.hasPrefix(prefix) }.count }
}
