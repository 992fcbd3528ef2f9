import Commerce
import Foundation
import Outbox

/// Model of `/admin/orders/{id}`.
struct AdminOrderModel {
    struct Item {
        let name: String
        let unitPrice: String
        let quantity: Int
        let calendar: String?
    }

    struct Attempt {
        let reference: String
        let state: String
        let providerStatus: String?
        let providerCheckoutID: String?
        let amount: String
        let merchant: String
        let transaction: String?
        let mismatch: String?
        let created: String
        let lastRead: String?
        let nextCheck: String?
    }

    struct Refund {
        let id: String
        let amount: String
        let state: String
        let requestedBy: String
        let attempts: Int
        let lastError: String?
        let created: String
        let updated: String
    }

    /// The deliveries to one inbox.
    struct Recipient {
        let inbox: String
        /// The actors this inbox serves, when the ledger records them.
        let actors: String?
        let deliveries: [AdminDeliveriesModel.DeliveryRow]
    }

    let frame: AdminFrame
    let order: AdminOrderRow
    let pageTitle: String
    let pageSlug: String
    let customer: String?
    let holdUntil: String
    let paymentReference: String?
    let items: [Item]
    let attempts: [Attempt]
    let hasAttempts: Bool
    let refunds: [Refund]
    let hasRefunds: Bool
    let recipients: [Recipient]
    let hasRecipients: Bool
    let back: String

    init(frame: AdminFrame, details: OrderDetails, pageTitle: String, deliveries: [DeliveryRecord], now: Date) {
        let snapshot = details.snapshot
        self.frame = frame
        order = AdminOrderRow(details, pageTitle: pageTitle)
        self.pageTitle = pageTitle
        pageSlug = details.pageSlug
        customer = snapshot.customer?.value
        holdUntil = AdminFormat.date(snapshot.holdUntil)
        paymentReference = snapshot.paymentReference
        items = snapshot.items.map { Item(name: $0.name, unitPrice: $0.unitPrice.description, quantity: $0.quantity,
                                          calendar: $0.calendarActor?.value) }
        attempts = details.attempts.map { attempt in
            Attempt(reference: attempt.reference, state: attempt.state.rawValue, providerStatus: attempt.providerStatus?.rawValue,
                    providerCheckoutID: attempt.providerCheckoutID, amount: attempt.amount.description,
                    merchant: attempt.merchantCode, transaction: attempt.transactionCode, mismatch: attempt.mismatch,
                    created: AdminFormat.date(attempt.createdAt), lastRead: AdminFormat.date(attempt.lastReadAt),
                    nextCheck: AdminFormat.date(attempt.nextCheckAt))
        }
        hasAttempts = !details.attempts.isEmpty
        refunds = details.refunds.map { refund in
            Refund(id: OrderPaths.id(refund.id), amount: refund.amount.description, state: refund.state.rawValue,
                   requestedBy: refund.requestedBy, attempts: refund.attempts, lastError: refund.lastError,
                   created: AdminFormat.date(refund.createdAt), updated: AdminFormat.date(refund.updatedAt))
        }
        hasRefunds = !details.refunds.isEmpty
        recipients = Dictionary(grouping: deliveries, by: \.inbox).sorted { $0.key < $1.key }.map { inbox, rows in
            let who = Set(rows.flatMap(\.recipients)).map(\.value).sorted().joined(separator: ", ")
            return Recipient(inbox: inbox, actors: who.isEmpty ? nil : who,
                             deliveries: rows.sorted { $0.createdAt < $1.createdAt }.map { AdminDeliveriesModel.row($0, now: now) })
        }
        hasRecipients = !deliveries.isEmpty
        back = AdminPaths.order(snapshot.id)
    }
}
