import Commerce
import Hummingbird
import Logging

/// Turns a refused checkout or payment retry into the page the buyer sees: what happened and
/// what to do next. When the payment provider is down the order exists, so the page carries a
/// button that starts a new attempt for it.
enum CheckoutRefusal {
    /// The page for `error`: a retry form for an unreachable provider, else a message page (thrown).
    static func response(for error: CheckoutError, session: WebSession, deps: Dependencies,
                         logger: Logger? = nil) async throws -> Response {
        switch error {
        case let .providerUnavailable(orderID, reason):
            logger?.warning("payment provider unavailable at checkout", metadata: ["order": "\(orderID)", "reason": "\(reason)"])
            let model = RetryModel(title: "Payment service unavailable",
                                   message: "Your order is saved and your items are held, but the payment service is not answering. Wait a moment, then press Retry payment.",
                                   action: "\(OrderPaths.page(orderID))/pay", csrf: deps.sessions.csrfToken(of: session),
                                   button: "Retry payment", link: PageLink(href: OrderPaths.page(orderID), label: "See the order"))
            let nav = try await deps.nav(session)
            return deps.views.page(.retry, title: model.title, model: model, nav: nav, status: .serviceUnavailable)
        default:
            if case let .storage(detail) = error { logger?.error("checkout storage failure", metadata: ["detail": "\(detail)"]) }
            throw page(for: error)
        }
    }

    /// Status, title and way on for every refusal but the retryable one.
    static func page(for error: CheckoutError) -> PageError {
        let cart = PageLink(href: "/cart", label: "Back to your cart")
        let orders = PageLink(href: "/orders", label: "Your orders")
        switch error {
        case .emptyCart:
            return PageError(status: .badRequest, title: "Nothing to pay for", message: error.description, link: cart)
        case .unknownPage:
            return PageError(status: .notFound, title: "Not found", message: error.description, link: cart)
        case .productWithdrawn, .priceChanged:
            return PageError(status: .conflict, title: "Your cart changed", message: error.description, link: cart)
        case .noPaymentCredentials, .unsupportedCurrency:
            return PageError(status: .serviceUnavailable, title: "Payments are not open", message: error.description, link: cart)
        case let .providerUnavailable(orderID, _), let .providerRejected(orderID, _):
            return PageError(status: .badGateway, title: "Payment not started", message: error.description,
                             link: PageLink(href: OrderPaths.page(orderID), label: "See the order"))
        case let .orderNotOpen(orderID), let .alreadyPaid(orderID):
            return PageError(status: .conflict, title: "Order not open", message: error.description,
                             link: PageLink(href: OrderPaths.page(orderID), label: "See the order"))
        case .unknownOrder:
            return OrderPaths.notFound
        case .storage:
            return PageError(status: .internalServerError, title: "Something went wrong", message: error.description, link: orders)
        }
    }
}

/// Model of `RetryTemplate`.
struct RetryModel {
    let title: String
    let message: String
    /// Where the retry button posts.
    let action: String
    let csrf: String
    let button: String
    let link: PageLink?
}
