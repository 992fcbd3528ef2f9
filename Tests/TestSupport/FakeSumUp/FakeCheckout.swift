import Commerce
import Foundation
import Payments

/// One checkout as the fake SumUp holds it.
public struct FakeCheckout: Sendable, Hashable {
    /// SumUp's checkout id.
    public var id: String
    /// Our `checkout_reference`.
    public var reference: String
    /// The amount asked for, exact.
    public var amount: Money
    /// The merchant the money goes to.
    public var merchantCode: String
    /// The description shown to the buyer.
    public var description: String
    /// Where webhooks go (`return_url`).
    public var returnURL: String?
    /// Where the browser goes after paying (`redirect_url`).
    public var redirectURL: String?
    /// Until when the hosted page takes money.
    public var validUntil: Date?
    /// PENDING, FAILED, PAID or EXPIRED.
    public var status: ProviderCheckoutStatus
    /// Whether it was deactivated with DELETE.
    public var deactivated = false
    /// The successful transaction, once paid.
    public var transaction: FakeTransaction?
    /// When it was created.
    public var created: Date
}

/// A payment the fake took.
public struct FakeTransaction: Sendable, Hashable {
    /// Transaction id (refunds name it).
    public var id: String
    /// Transaction code (shown on receipts).
    public var code: String
    /// Refunded so far, in minor units.
    public var refundedMinor: Int64 = 0
    /// Each accepted refund's amount in minor units, oldest first (the read's REFUND events).
    public var refundAmounts: [Int64] = []
}

/// A webhook the fake tried to deliver.
public struct FakeWebhookDelivery: Sendable, Hashable {
    /// The checkout it named.
    public var checkoutID: String
    /// Where it went.
    public var url: String
    /// The HTTP status received, or nil when sending failed or the webhook was "lost".
    public var status: Int?
}

/// A refund the fake accepted.
public struct FakeRefund: Sendable, Hashable {
    /// The refunded transaction.
    public var transactionID: String
    /// The amount asked for, nil for "the rest".
    public var amount: Money?
}

extension FakeCheckout {
    /// The resource as SumUp renders it (amount as a float-looking JSON number: `12.5`, `12`).
    func json(hostedBase: String, reportedAmount: Money?) -> WireJSON {
        let shown = reportedAmount ?? amount
        var members: [(String, WireJSON?)] = [
            ("checkout_reference", .string(reference)),
            ("amount", .number(Self.sumUpStyle(shown))),
            ("currency", .string(shown.currency.code)),
            ("merchant_code", .string(merchantCode)),
            ("description", .string(description)),
            ("return_url", returnURL.map { .string($0) }),
            ("redirect_url", redirectURL.map { .string($0) }),
            ("id", .string(id)),
            ("status", .string(status.rawValue)),
            ("date", .string(Self.format(created))),
            ("valid_until", validUntil.map { .string(Self.format($0)) } ?? .null),
            ("hosted_checkout_url", .string("\(hostedBase)/pay/\(id)")),
        ]
        var transactions: [WireJSON] = []
        if let transaction {
            transactions.append(.object([
                WireMember("id", .string(transaction.id)),
                WireMember("transaction_code", .string(transaction.code)),
                WireMember("amount", .number(Self.sumUpStyle(amount))),
                WireMember("currency", .string(amount.currency.code)),
                WireMember("timestamp", .string(Self.format(created))),
                WireMember("status", .string(transaction.refundedMinor > 0 ? "REFUNDED" : "SUCCESSFUL")),
                WireMember("payment_type", .string("ECOM")),
                WireMember("merchant_code", .string(merchantCode)),
            ]))
            members.append(("transaction_code", .string(transaction.code)))
            members.append(("transaction_id", .string(transaction.id)))
        }
        members.append(("transactions", .array(transactions)))
        return .object(omittingNil: members)
    }

    /// `12.50` -> `12.5`, `12.00` -> `12`: SumUp answers with floats, not fixed decimals.
    static func sumUpStyle(_ money: Money) -> String {
        var text = SumUpAmount.wire(money)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension FakeCheckout {
    /// The paid transaction as SumUp's `TransactionFull` renders it, with one `REFUND` event per
    /// accepted refund (nil before payment).
    func transactionJSON() -> WireJSON? {
        guard let transaction else { return nil }
        var events: [WireJSON] = []
        for (index, minor) in transaction.refundAmounts.enumerated() {
            events.append(.object([
                WireMember("id", .number(String(index + 1))),
                WireMember("transaction_id", .string(transaction.id)),
                WireMember("type", .string("REFUND")),
                WireMember("status", .string("REFUNDED")),
                WireMember("amount", .number(Self.sumUpStyle(Money(minor, amount.currency)))),
                WireMember("timestamp", .string(Self.format(created))),
            ]))
        }
        let refunded = transaction.refundedMinor > 0
        return .object([
            WireMember("id", .string(transaction.id)),
            WireMember("transaction_code", .string(transaction.code)),
            WireMember("amount", .number(Self.sumUpStyle(amount))),
            WireMember("currency", .string(amount.currency.code)),
            WireMember("timestamp", .string(Self.format(created))),
            WireMember("status", .string(refunded ? "REFUNDED" : "SUCCESSFUL")),
            WireMember("simple_status", .string(refunded ? "REFUNDED" : "SUCCESSFUL")),
            WireMember("payment_type", .string("ECOM")),
            WireMember("merchant_code", .string(merchantCode)),
            WireMember("events", .array(events)),
        ])
    }
}
