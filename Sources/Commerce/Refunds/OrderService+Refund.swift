import Foundation

/// Refunds (contract §6): the row is written under the order's lock before the provider is
/// called and the answer recorded after, so a crash or a lost answer leaves a row the sweeper
/// settles by reading the transaction (`OrderService+RefundSweep`).
extension OrderService {
    /// How long after a refund call its outcome is first read back (longer than any provider
    /// call may take, so a read never races the call it checks).
    static let refundSettle: TimeInterval = 60

    /// Refunds `amount` of the order (nil: everything still refundable of its payment). Writes the
    /// refund row (state requested) in a transaction under the order lock BEFORE calling the
    /// provider; records the answer after; publishes `order.refunded` (payload `OrderSnapshot`
    /// with `refunded` = this refund's amount) exactly once per succeeded refund. A full refund
    /// makes the order `refunded`; a partial one keeps its state with `refundedTotal` set.
    public func refund(orderID: UUID, amount: Money?, requestedBy: String) async throws(RefundError) -> RefundRecord {
        let order = try await refundStep { try await self.store.read { try await $0.order(id: orderID) } }
        guard let order else { throw .orderNotFound(orderID) }
        guard order.status == .paid || order.status == .owed else { throw .notRefundable(orderID, order.status) }
        let creds: PaymentCredentials
        do {
            creds = try await paymentCredentials(for: order)
        } catch {
            throw .notStarted("\(error)")
        }
        let now = clock.now()
        let row = try await refundStep {
            try await self.store.write { writer in
                try await self.beginRefund(orderID: orderID, amount: amount, requestedBy: requestedBy, in: writer, now: now)
            }
        }
        return try await send(row, credentials: creds)
    }

    /// The refunds of an order, oldest first.
    public func refunds(orderID: UUID) async throws -> [RefundRecord] {
        try await store.read { try await $0.refunds(orderID: orderID) }
    }

    /// Inside the transaction: checks the order, plans the refund and stores its row.
    private func beginRefund(orderID: UUID, amount: Money?, requestedBy: String, in writer: any CommerceWriter,
                             now: Date) async throws -> RefundRecord {
        guard let order = try await writer.lockOrder(id: orderID) else { throw RefundError.orderNotFound(orderID) }
        guard order.status == .paid || order.status == .owed else { throw RefundError.notRefundable(orderID, order.status) }
        let refunds = try await writer.refunds(orderID: orderID)
        if let open = refunds.first(where: { $0.state.isOpen }) { throw RefundError.anotherInProgress(open.id) }
        let plan = try RefundPlan.make(asked: amount, order: order, attempts: try await writer.attempts(orderID: orderID),
                                       refunds: refunds)
        let row = RefundRecord(orderID: orderID, amount: plan.amount, state: .requested, requestedBy: requestedBy,
                               attempts: 1, createdAt: now, updatedAt: now, transactionID: plan.transactionID,
                               lastSentAt: now, nextCheckAt: now.addingTimeInterval(Self.refundSettle))
        do {
            try await writer.insertRefund(row)
        } catch CommerceStoreError.duplicate {
            throw RefundError.anotherInProgress(row.id)
        }
        return row
    }

    /// Sends the refund call for a `requested` row and records the answer; throws when it did not succeed.
    func send(_ row: RefundRecord, credentials: PaymentCredentials) async throws(RefundError) -> RefundRecord {
        let answer: RefundAnswer
        do {
            try await provider.refund(transactionID: row.transactionID, amount: row.amount, credentials: credentials)
            answer = .accepted
        } catch {
            answer = RefundAnswer(error)
        }
        let now = clock.now()
        let settled: RefundRecord
        do {
            settled = try await store.write { writer in
                try await self.record(answer, for: row.id, orderID: row.orderID, in: writer, now: now) ?? row
            }
        } catch {
            // The row stays `requested`: the sweeper reads the transaction and settles it.
            throw .providerUnreachable("the answer could not be recorded: \(error)")
        }
        switch settled.state {
        case .succeeded: return settled
        case .failed: throw .providerRefused(settled.lastError ?? "no reason given")
        case .requested, .unknown: throw .providerUnreachable(settled.lastError ?? "no answer yet")
        }
    }

    /// Inside a transaction: applies the provider's answer to the refund if it is still open
    /// (returns it as stored afterwards; nil when the order or refund is gone).
    func record(_ answer: RefundAnswer, for refundID: UUID, orderID: UUID, in writer: any CommerceWriter,
                now: Date) async throws -> RefundRecord? {
        guard var order = try await writer.lockOrder(id: orderID),
              var refund = try await writer.refunds(orderID: orderID).first(where: { $0.id == refundID })
        else { return nil }
        guard refund.state.isOpen else { return refund }
        refund.updatedAt = now
        switch answer {
        case .accepted:
            try await succeed(&refund, order: &order, in: writer, now: now)
        case let .refused(reason):
            refund.state = .failed
            refund.lastError = reason
            refund.nextCheckAt = nil
            try await writer.updateRefund(refund)
        case let .lost(reason):
            refund.state = .unknown
            refund.lastError = reason
            refund.nextCheckAt = nextRefundCheck(refund, now: now)
            try await writer.updateRefund(refund)
        }
        return refund
    }

    /// Marks the refund succeeded, adds it to the order's refunded total (`refunded` once all the
    /// money paid is back) and records the one `order.refunded` event, in the caller's transaction.
    func succeed(_ refund: inout RefundRecord, order: inout OrderRecord, in writer: any CommerceWriter, now: Date) async throws {
        refund.state = .succeeded
        refund.lastError = nil
        refund.nextCheckAt = nil
        refund.updatedAt = now
        try await writer.updateRefund(refund)
        let currency = order.snapshot.total.currency
        let refunded = (order.refundedTotal?.minorUnits ?? 0) + refund.amount.minorUnits
        order.refundedTotal = Money(refunded, currency)
        let paid = RefundPlan.paidAttempts(try await writer.attempts(orderID: order.id))
            .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        if refunded >= paid { order.status = .refunded }
        order.updatedAt = now
        try await writer.updateOrder(order)
        var snapshot = order.snapshot
        snapshot.refunded = refund.amount
        try await writer.recordEvent(DomainEvent(kind: DomainEventKind.orderRefunded, subject: order.id.uuidString.lowercased(),
                                                 payload: try snapshot.payload(), occurredAt: now))
    }

    /// When an open refund is read back next: on the attempts' schedule from its creation, never
    /// sooner than `refundSettle` after its last call, never after the unknown-money horizon.
    func nextRefundCheck(_ refund: RefundRecord, now: Date) -> Date? {
        guard now < refund.createdAt.addingTimeInterval(settings.unknownMoneyHorizon) else { return nil }
        let scheduled = ReadSchedule.next(after: now, created: refund.createdAt)
        let settled = (refund.lastSentAt ?? refund.createdAt).addingTimeInterval(Self.refundSettle)
        return max(scheduled, settled)
    }

    /// Runs a storage step of a refund; a `RefundError` thrown inside passes through, anything
    /// else means nothing happened (`notStarted`).
    private func refundStep<T: Sendable>(_ body: @Sendable () async throws -> T) async throws(RefundError) -> T {
        do {
            return try await body()
        } catch let error as RefundError {
            throw error
        } catch {
            throw .notStarted("the database could not be used: \(error)")
        }
    }
}

/// What the provider said to one refund call.
enum RefundAnswer: Sendable, Equatable {
    /// Accepted (2xx): the money goes back.
    case accepted
    /// Refused (4xx): no money moved.
    case refused(String)
    /// No answer (timeout, network, 5xx) or one we could not read: the outcome is unknown.
    case lost(String)

    /// The answer a provider error stands for.
    init(_ error: PaymentProviderError) {
        switch error {
        case let .rejected(status, message): self = .refused(status == 0 ? message : "\(status) \(message)")
        case .notFound: self = .refused("SumUp does not know the transaction")
        case .conflict, .alreadyPaid: self = .refused(error.description)
        case let .unavailable(reason), let .malformed(reason): self = .lost(reason)
        }
    }
}
