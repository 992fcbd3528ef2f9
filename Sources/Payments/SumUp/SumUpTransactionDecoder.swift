import Commerce
import Foundation

/// Reads SumUp's transaction resource (`TransactionFull`) into `ProviderTransaction`: the amount
/// paid and the refunds its events show.
enum SumUpTransactionDecoder {
    /// Event statuses that mean the refund did not happen; every other status counts as refunded.
    static let failedEventStatuses: Set<String> = ["FAILED"]

    /// One transaction object. The refunded sum comes from `events` (else `transaction_events`):
    /// every `REFUND` event not `FAILED`. A `REFUNDED` transaction without either list is
    /// `.malformed`: the amount cannot be known, so nothing is decided from it.
    static func transaction(_ json: WireJSON) throws(PaymentProviderError) -> ProviderTransaction {
        guard json.members != nil else { throw .malformed("transaction is not an object") }
        guard let id = json["id"]?.stringValue, !id.isEmpty else { throw .malformed("transaction lacks id") }
        guard let code = json["currency"]?.stringValue else { throw .malformed("transaction \(id) lacks currency") }
        guard let amountText = json["amount"]?.numberText else { throw .malformed("transaction \(id) has no numeric amount") }
        let currency: Currency
        let amount: Money
        do {
            currency = try SumUpAmount.currency(code: code)
            amount = try SumUpAmount.parse(amountText, currency: currency)
        } catch {
            throw .malformed("transaction \(id): \(error)")
        }
        let status = json["simple_status"]?.stringValue ?? json["status"]?.stringValue ?? "UNKNOWN"
        let events: [WireJSON]
        let typeKey: String
        if let list = json["events"]?.arrayValue {
            (events, typeKey) = (list, "type")
        } else if let list = json["transaction_events"]?.arrayValue {
            (events, typeKey) = (list, "event_type")
        } else {
            guard status != "REFUNDED" else { throw .malformed("transaction \(id) is REFUNDED but lists no refund events") }
            (events, typeKey) = ([], "type")
        }
        var refunded: Int64 = 0
        for event in events where event[typeKey]?.stringValue == "REFUND" {
            guard !failedEventStatuses.contains(event["status"]?.stringValue ?? "") else { continue }
            guard let text = event["amount"]?.numberText else { throw .malformed("refund event of \(id) has no numeric amount") }
            let minor: Int64
            do {
                minor = try SumUpAmount.parse(text, currency: currency).minorUnits
            } catch {
                throw .malformed("refund event of \(id): \(error)")
            }
            let (sum, overflow) = refunded.addingReportingOverflow(minor)
            guard !overflow else { throw .malformed("refund events of \(id) overflow") }
            refunded = sum
        }
        return ProviderTransaction(id: id, amount: amount, status: status, refunded: Money(refunded, currency))
    }
}
