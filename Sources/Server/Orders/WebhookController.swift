import Commerce
import Hummingbird
import NIOCore

/// `POST /webhooks/sumup` (contract §6): SumUp's callback. It carries no session and no CSRF
/// token (it is registered outside the browser group). The body only names a checkout; the
/// status is always read from the provider by the reconcile it triggers. Answers are plain text:
/// 200 done or ignored, 400 malformed, 404 unknown checkout (one fixed body; SumUp retries, which
/// covers a webhook racing our own commit of the checkout id), 413 too large, 429 too many,
/// 503 when the reconcile failed (SumUp retries; the sweeper also does).
struct WebhookController: Sendable {
    let orders: OrderService
    let limiter: RateLimiter
    let bodyLimit: Int

    /// The fixed answer for checkout ids we do not know.
    static let unknownCheckoutBody = "unknown checkout\n"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("webhooks/sumup", use: receive)
    }

    @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let retryAfter = await limiter.spend(context.client.text) {
            var response = Self.text(.tooManyRequests, "too many webhooks; retry after \(retryAfter) s\n")
            response.headers[.retryAfter] = String(retryAfter)
            return response
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            return Self.text(.contentTooLarge, "body larger than \(bodyLimit) bytes\n")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: bodyLimit)
        } catch is NIOTooManyBytesError {
            return Self.text(.contentTooLarge, "body larger than \(bodyLimit) bytes\n")
        }
        let event: SumUpWebhookEvent
        do {
            event = try SumUpWebhookEvent(bytes: body.readableBytesView)
        } catch {
            return Self.text(.badRequest, "\(error)\n")
        }
        guard event.isCheckoutStatusChange else { return Self.text(.ok, "ignored\n") }
        guard let orderID = try await orders.orderID(providerCheckoutID: event.checkoutID) else {
            return Self.text(.notFound, Self.unknownCheckoutBody)
        }
        do {
            let status = try await orders.reconcile(orderID: orderID, trigger: .webhook)
            context.logger.info("webhook reconciled", metadata: ["order": "\(orderID)", "status": "\(status.rawValue)"])
            return Self.text(.ok, "ok\n")
        } catch {
            context.logger.warning("webhook reconcile failed; asking SumUp to retry",
                                   metadata: ["order": "\(orderID)", "error": "\(error)"])
            return Self.text(.serviceUnavailable, "try again later\n")
        }
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
