import Commerce
import Foundation
import SQLKit

/// Column lists and row mapping of orders and payment attempts, in one place.
extension SQLCommerceTransaction {
    static let orderColumns = """
        id, page_iri, page_slug, number, owner_key, customer, status, hold_until_ms, total_minor, currency, merchant_code, \
        items, receipt_key, current_attempt, payment_reference, mismatch, calendar_confirmed, calendar_refused, \
        refunded_minor, created_ms, updated_ms
        """
    static let attemptColumns = """
        id, order_id, state, amount_minor, currency, merchant_code, provider_checkout_id, hosted_url, valid_until_ms, \
        provider_status, transaction_code, transaction_id, mismatch, created_ms, last_read_ms, next_check_ms
        """

    static func order(from row: any SQLRow) throws -> OrderRecord {
        let currency = try storedCurrency(row, "currency")
        let statusText = try row.string("status")
        guard let status = OrderStatus(rawValue: statusText) else { throw StoredValueError(column: "orders.status", value: statusText) }
        let ownerKey = try row.string("owner_key")
        guard let owner = CartOwner(storageKey: ownerKey) else { throw StoredValueError(column: "orders.owner_key", value: ownerKey) }
        let items = try EventPayload.decode([OrderItem].self, from: Array(try row.string("items").utf8))
        let snapshot = OrderSnapshot(
            id: try row.uuid("id"), number: try row.int("number"), pageIRI: try storedIRI(row, "page_iri"), status: status,
            customer: try row.optionalString("customer").flatMap(IRI.init), holdUntil: try row.date("hold_until_ms"),
            total: Money(try row.int64("total_minor"), currency), items: items,
            paymentReference: try row.optionalString("payment_reference"), createdAt: try row.date("created_ms"))
        let confirmed = try row.string("calendar_confirmed").split(separator: "\n").compactMap { IRI(String($0)) }
        return OrderRecord(
            snapshot: snapshot, pageSlug: try row.string("page_slug"), owner: owner, merchantCode: try row.string("merchant_code"),
            receiptKey: try row.string("receipt_key"), currentAttemptID: try row.optionalString("current_attempt").flatMap { UUID(uuidString: $0) },
            mismatch: try row.optionalString("mismatch"), calendarConfirmed: confirmed, calendarRefused: try row.bool("calendar_refused"),
            refundedTotal: try row.optionalInt64("refunded_minor").map { Money($0, currency) }, updatedAt: try row.date("updated_ms"))
    }

    static func attempt(from row: any SQLRow) throws -> PaymentAttempt {
        let stateText = try row.string("state")
        guard let state = PaymentAttemptState(rawValue: stateText) else {
            throw StoredValueError(column: "payment_attempts.state", value: stateText)
        }
        return PaymentAttempt(
            id: try row.uuid("id"), orderID: try row.uuid("order_id"), state: state,
            amount: Money(try row.int64("amount_minor"), try storedCurrency(row, "currency")),
            merchantCode: try row.string("merchant_code"), providerCheckoutID: try row.optionalString("provider_checkout_id"),
            hostedCheckoutURL: try row.optionalString("hosted_url"), validUntil: try row.date("valid_until_ms"),
            providerStatus: try row.optionalString("provider_status").flatMap(ProviderCheckoutStatus.init(rawValue:)),
            transactionCode: try row.optionalString("transaction_code"), transactionID: try row.optionalString("transaction_id"),
            mismatch: try row.optionalString("mismatch"), createdAt: try row.date("created_ms"),
            lastReadAt: try row.optionalDate("last_read_ms"), nextCheckAt: try row.optionalDate("next_check_ms"))
    }

    static func itemsText(_ items: [OrderItem]) throws -> String {
        String(decoding: try EventPayload.encode(items), as: UTF8.self)
    }

    private static func storedIRI(_ row: any SQLRow, _ column: String) throws -> IRI {
        let text = try row.string(column)
        guard let iri = IRI(text) else { throw StoredValueError(column: column, value: text) }
        return iri
    }

    private static func storedCurrency(_ row: any SQLRow, _ column: String) throws -> Currency {
        let code = try row.string(column)
        guard let currency = Currency(code: code) else { throw StoredValueError(column: column, value: code) }
        return currency
    }
}
