import Commerce
import Foundation

/// Everything the fake SumUp holds and every knob a test turns, isolated in one actor.
actor FakeSumUpState {
    var checkouts: [String: FakeCheckout] = [:]
    var order: [String] = []
    var hostedBase = ""
    /// Fail the next `failCount` API requests with `failStatus` (before doing anything).
    var failCount = 0
    var failStatus = 503
    /// Sleep this long before answering each API request.
    var delay: Duration = .zero
    /// Create the checkout, then answer this status instead of 201 (409: "lost" creation).
    var answerAfterCreate: [Int] = []
    /// Apply the next refunds, then answer these statuses instead of 201 (a lost answer).
    var answerAfterRefund: [Int] = []
    var loseWebhooks = false
    var paymentAfterFailed = true
    var reportedAmounts: [String: Money] = [:]
    var violations: [String] = []
    var webhooks: [FakeWebhookDelivery] = []
    var refunds: [FakeRefund] = []
    var requestLines: [String] = []

    /// Requests being answered now; `run` waits for zero before stopping the server, because
    /// stopping it under an unfinished response crashes NIO's writer.
    var inFlight = 0

    func setHostedBase(_ base: String) { hostedBase = base }
    func began() { inFlight += 1 }
    func ended() { inFlight -= 1 }

    /// Counts the request; answers the failure status if a test asked for failures.
    func admit(_ line: String) -> Int? {
        requestLines.append(line)
        guard failCount > 0 else { return nil }
        failCount -= 1
        return failStatus
    }

    func record(violations new: [String], request: String) {
        violations.append(contentsOf: new.map { "\(request): \($0)" })
    }

    /// Stores a new checkout; nil when the reference is taken (SumUp's DUPLICATED_CHECKOUT).
    func create(_ checkout: FakeCheckout) -> (FakeCheckout, Int)? {
        guard !checkouts.values.contains(where: { $0.reference == checkout.reference }) else { return nil }
        checkouts[checkout.id] = checkout
        order.append(checkout.id)
        let status = answerAfterCreate.isEmpty ? 201 : answerAfterCreate.removeFirst()
        return (checkout, status)
    }

    func checkout(_ id: String) -> FakeCheckout? {
        guard var checkout = checkouts[id] else { return nil }
        if checkout.status != .paid, let until = checkout.validUntil, until < Date(), checkout.status != .expired {
            checkout.status = .expired
            checkouts[id] = checkout
        }
        return checkout
    }

    func checkouts(reference: String) -> [FakeCheckout] {
        order.compactMap { checkouts[$0] }.filter { $0.reference == reference }
    }

    func allCheckouts() -> [FakeCheckout] { order.compactMap { checkout($0) } }

    func reported(_ id: String) -> Money? { reportedAmounts[id] }

    /// DELETE: PENDING/FAILED -> EXPIRED (deactivated); PAID -> nil (409).
    func deactivate(_ id: String) -> FakeCheckout?? {
        guard var checkout = checkout(id) else { return .none }
        guard checkout.status != .paid else { return .some(nil) }
        checkout.status = .expired
        checkout.deactivated = true
        checkouts[id] = checkout
        return .some(checkout)
    }

    /// Takes the money if the hosted page still can; the reason it cannot otherwise.
    func pay(_ id: String) -> Result<FakeCheckout, FakePaymentRefusal> {
        guard var checkout = checkout(id) else { return .failure(.unknownCheckout) }
        switch checkout.status {
        case .paid: return .failure(.alreadyPaid)
        case .expired: return .failure(checkout.deactivated ? .deactivated : .expired)
        case .failed where !paymentAfterFailed: return .failure(.failedIsFinal)
        case .pending, .failed: break
        }
        checkout.status = .paid
        checkout.transaction = FakeTransaction(id: UUID().uuidString.lowercased(),
                                               code: "T" + String(UUID().uuidString.prefix(9)).replacingOccurrences(of: "-", with: ""))
        checkouts[id] = checkout
        return .success(checkout)
    }

    /// A declined card: PENDING -> FAILED (the page can still take money later).
    func fail(_ id: String) -> FakeCheckout? {
        guard var checkout = checkout(id), checkout.status == .pending || checkout.status == .failed else { return nil }
        checkout.status = .failed
        checkouts[id] = checkout
        return checkout
    }

    func expire(_ id: String) {
        guard var checkout = checkouts[id], checkout.status != .paid else { return }
        checkout.status = .expired
        checkouts[id] = checkout
    }

    /// Applies a refund; nil when the transaction is unknown, false when over the paid amount.
    func refund(transactionID: String, amount: Money?) -> Bool? {
        guard let id = order.first(where: { checkouts[$0]?.transaction?.id == transactionID }),
              var checkout = checkouts[id], var transaction = checkout.transaction else { return nil }
        let remaining = checkout.amount.minorUnits - transaction.refundedMinor
        let asked = amount?.minorUnits ?? remaining
        guard asked > 0, asked <= remaining, amount.map({ $0.currency == checkout.amount.currency }) ?? true else { return false }
        transaction.refundedMinor += asked
        transaction.refundAmounts.append(asked)
        checkout.transaction = transaction
        checkouts[id] = checkout
        refunds.append(FakeRefund(transactionID: transactionID, amount: amount))
        return true
    }

    func recordWebhook(_ delivery: FakeWebhookDelivery) { webhooks.append(delivery) }

    func set(failCount: Int, status: Int) { self.failCount = failCount; failStatus = status }
    func set(delay: Duration) { self.delay = delay }
    func set(answerAfterCreate: [Int]) { self.answerAfterCreate = answerAfterCreate }
    func set(answerAfterRefund: [Int]) { self.answerAfterRefund = answerAfterRefund }
    /// The status to answer an applied refund with (201 unless a test asked otherwise).
    func refundAnswerStatus() -> Int { answerAfterRefund.isEmpty ? 201 : answerAfterRefund.removeFirst() }
    /// The paid checkout whose transaction has this id.
    func checkout(transactionID: String) -> FakeCheckout? {
        order.compactMap { checkouts[$0] }.first { $0.transaction?.id == transactionID }
    }
    func set(loseWebhooks: Bool) { self.loseWebhooks = loseWebhooks }
    func set(paymentAfterFailed: Bool) { self.paymentAfterFailed = paymentAfterFailed }
    func set(reported: Money?, for id: String) { reportedAmounts[id] = reported }
}

/// Why the fake's hosted page refused to take money.
public enum FakePaymentRefusal: Error, Sendable, Equatable {
    /// No such checkout.
    case unknownCheckout
    /// Paid already.
    case alreadyPaid
    /// Past `valid_until` or expired by a test.
    case expired
    /// Deactivated with DELETE.
    case deactivated
    /// FAILED and the test turned off payment after FAILED.
    case failedIsFinal
}
