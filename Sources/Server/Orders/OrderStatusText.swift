import Commerce

/// How an order's state reads to a buyer: a short label and what it means for them.
enum OrderStatusText {
    static func label(_ status: OrderStatus) -> String {
        switch status {
        case .awaitingPayment: "Awaiting payment"
        case .paid: "Paid"
        case .failed: "Payment failed"
        case .expired: "Expired"
        case .cancelled: "Cancelled"
        case .owed: "Paid, refund due"
        case .refunded: "Refunded"
        }
    }

    static func help(_ status: OrderStatus) -> String {
        switch status {
        case .awaitingPayment: "We are waiting for the payment service to confirm your payment."
        case .paid: "Thank you: your payment was received."
        case .failed: "No money was taken. Your items are back in your cart: check out again to retry."
        case .expired: "The time to pay ran out and no money was taken. Your items are back in your cart."
        case .cancelled: "This order was cancelled and no money was taken. Your items are back in your cart."
        case .owed: "Money arrived for goods we cannot provide; the shop will give it back."
        case .refunded: "Your money was given back."
        }
    }
}
