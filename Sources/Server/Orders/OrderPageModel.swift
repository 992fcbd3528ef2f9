import Commerce
import Foundation

/// Model of `OrderTemplate`, built from an order's details.
struct OrderPageModel {
    struct Item {
        let name: String
        let unitPrice: String
        let quantity: Int
        let total: String
    }

    /// One refund as the buyer sees it (failed refunds moved no money and are not shown).
    struct Refund {
        let text: String
    }

    /// Seconds between reloads while payment is awaited.
    static let refreshSeconds = 5

    let id: String
    let number: Int
    let pageTitle: String
    let statusLabel: String
    let statusHelp: String
    let awaiting: Bool
    let refreshSeconds: Int
    let holdUntil: String
    let paymentURL: String?
    /// The session's CSRF token when the viewer may start a new attempt (the owner, not a receipt holder).
    let retryCSRF: String?
    let moneyUnknown: Bool
    let calendarRefused: Bool
    let items: [Item]
    let total: String
    let refunded: String?
    let refunds: [Refund]
    let hasRefunds: Bool
    let createdAt: String
    let paymentReference: String?
    /// The receipt link, shown to the owner once paid.
    let receiptURL: String?

    /// - Parameters:
    ///   - retryCSRF: token for the retry form; nil hides it.
    ///   - showReceipt: whether the viewer may see the receipt link (the owner).
    init(details: OrderDetails, pageTitle: String, baseURL: String, retryCSRF: String?, showReceipt: Bool) {
        let snapshot = details.snapshot
        id = OrderPaths.id(snapshot.id)
        number = snapshot.number
        self.pageTitle = pageTitle
        statusLabel = OrderStatusText.label(snapshot.status)
        statusHelp = OrderStatusText.help(snapshot.status)
        awaiting = snapshot.status == .awaitingPayment
        refreshSeconds = Self.refreshSeconds
        holdUntil = CartPageModel.format(snapshot.holdUntil)
        paymentURL = awaiting ? details.paymentURL : nil
        self.retryCSRF = awaiting ? retryCSRF : nil
        moneyUnknown = details.moneyUnknown
        calendarRefused = details.calendarRefused
        items = snapshot.items.map { item in
            Item(name: item.name, unitPrice: item.unitPrice.description, quantity: item.quantity,
                 total: (try? item.unitPrice.times(item.quantity).description) ?? "—")
        }
        total = snapshot.total.description
        refunded = details.refundedTotal?.description
        refunds = details.refunds.compactMap(Self.refundLine)
        hasRefunds = !refunds.isEmpty
        createdAt = CartPageModel.format(snapshot.createdAt)
        paymentReference = snapshot.paymentReference
        let paidOnce: Bool = [.paid, .owed, .refunded].contains(snapshot.status)
        receiptURL = showReceipt && paidOnce ? OrderPaths.receiptURL(baseURL: baseURL, details: details) : nil
    }

    /// A refund in the buyer's words; nil for a refused one (no money moved, the shop decides again).
    static func refundLine(_ refund: RefundRecord) -> Refund? {
        switch refund.state {
        case .succeeded:
            Refund(text: "\(refund.amount) refunded on \(CartPageModel.format(refund.updatedAt)). Your bank may take a few days to show it.")
        case .requested, .unknown:
            Refund(text: "A refund of \(refund.amount) was started on \(CartPageModel.format(refund.createdAt)); we are waiting for the payment service to confirm it.")
        case .failed:
            nil
        }
    }
}

/// Model of `OrderListTemplate`.
struct OrderListModel {
    struct Row {
        let id: String
        let number: Int
        let pageTitle: String
        let createdAt: String
        let statusLabel: String
        let total: String
    }

    let orders: [Row]
    /// Stored, not computed: templates see stored properties only (Mirror).
    let hasOrders: Bool

    init(orders: [OrderDetails], titles: [String: String]) {
        self.orders = orders.map { details in
            Row(id: OrderPaths.id(details.snapshot.id), number: details.snapshot.number,
                pageTitle: titles[details.pageSlug] ?? details.pageSlug,
                createdAt: CartPageModel.format(details.snapshot.createdAt),
                statusLabel: OrderStatusText.label(details.snapshot.status), total: details.snapshot.total.description)
        }
        hasOrders = !orders.isEmpty
    }
}
