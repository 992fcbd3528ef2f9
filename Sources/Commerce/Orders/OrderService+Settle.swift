import Foundation

/// The one routine behind reconcile, expiry, cart-edit cancellation and calendar refusal:
/// read (and stop) attempts at the provider outside any transaction, then lock the order and
/// apply what was seen through the pure state machine, effects in the same transaction.
extension OrderService {
    /// What a settle is for.
    enum SettlePlan: Sendable, Equatable {
        /// Read the provider; expire the order when its hold ran out.
        case reconcile
        /// Stop the payment and cancel (cart edit); nothing changes if it cannot be stopped.
        case cancel
        /// A calendar refused: stop an unpaid order's payment and cancel it; a paid one is owed.
        case calendarRefusal
    }

    /// An attempt younger than this without a provider id may still be being created.
    static let creationGrace: TimeInterval = 120

    /// Runs `plan` for the order; returns the order afterwards.
    func settle(orderID: UUID, plan: SettlePlan) async throws -> OrderRecord {
        let now = clock.now()
        let loaded = try await store.read { reader -> OrderAndAttempts? in
            guard let order = try await reader.order(id: orderID) else { return nil }
            return OrderAndAttempts(order: order, attempts: try await reader.attempts(orderID: orderID))
        }
        guard let loaded else { throw ReconcileError.unknownOrder(orderID) }
        let order = loaded.order
        let creds = try await paymentCredentials(for: order)
        let stopping = switch plan {
        case .reconcile: order.status == .awaitingPayment && now >= order.snapshot.holdUntil
        case .cancel, .calendarRefusal: order.status == .awaitingPayment
        }
        var observed: [UUID: PaymentAttempt] = [:]
        var unstoppable = false
        for attempt in loaded.attempts {
            let reading = plan == .reconcile ? (attempt.state.mayTakeMoney || attempt.nextCheckAt != nil)
                                             : (stopping && attempt.state.mayTakeMoney)
            guard reading else { continue }
            var current = attempt
            // Stopping needs no read first: the deactivation answers with the state, a 409 means paid.
            let readFirst = current.providerCheckoutID == nil || (plan == .reconcile && !stopping)
            do {
                if readFirst { current = try await observe(current, creds, now: now) }
            } catch {
                // A plain reconcile reports the failure (it stays due); ending the order goes on
                // with the money state unknown (re-read for 48 h).
                guard plan != .reconcile || stopping else { throw error }
                unstoppable = true
            }
            if stopping, current.state.mayTakeMoney {
                current = await stop(current, creds, now: now, unstoppable: &unstoppable)
            }
            observed[attempt.id] = current
        }
        let seen = observed
        let blocked = unstoppable
        return try await store.write { writer in
            try await apply(seen, plan: plan, unstoppable: blocked, orderID: orderID, in: writer, now: now)
        }
    }

    /// Inside the transaction: merge what was seen, run the state machine, apply its effects.
    private func apply(_ seen: [UUID: PaymentAttempt], plan: SettlePlan, unstoppable: Bool, orderID: UUID,
                       in writer: any CommerceWriter, now: Date) async throws -> OrderRecord {
        guard var order = try await writer.lockOrder(id: orderID) else { throw ReconcileError.unknownOrder(orderID) }
        let stored = try await writer.attempts(orderID: orderID)
        var merged: [PaymentAttempt] = []
        var events: [(OrderEvent, PaymentAttempt?)] = []
        for before in stored {
            let after = seen[before.id].map { Self.merge(before, $0) } ?? before
            if before.state != .paid, after.state == .paid, order.status == .paid || order.status == .owed || order.status == .refunded {
                // Money on a second attempt of a settled order: nothing covers it; operators must see it.
                events.append((.paymentMismatch("second payment on attempt \(after.reference)"), after))
            } else if before.state != .paid, after.state == .paid {
                events.append((after.mismatch.map(OrderEvent.paymentMismatch) ?? .paymentConfirmed, after))
            } else if let reason = after.mismatch, before.mismatch == nil {
                events.append((.paymentMismatch(reason), after))
            }
            merged.append(after)
        }
        let awaiting = order.status == .awaitingPayment
        switch plan {
        case .reconcile:
            if awaiting, now >= order.snapshot.holdUntil {
                events.append((.holdExpired, nil))
            } else if awaiting, !merged.isEmpty, !merged.contains(where: { $0.state.mayTakeMoney || $0.state == .paid }) {
                events.append((.paymentEndedWithoutMoney, nil))
            }
        case .cancel:
            if !unstoppable { events.append((.cancelRequested, nil)) }
        case .calendarRefusal:
            events.append((.calendarRefused, nil))
        }
        for (event, attempt) in events {
            try await applyEvent(event, paidBy: attempt, to: &order, in: writer, now: now)
        }
        for (before, var after) in zip(stored, merged) {
            after.nextCheckAt = nextCheck(for: after, orderStatus: order.status, now: now)
            if after != before { try await writer.updateAttempt(after) }
        }
        return order
    }

    /// Runs one state-machine step and applies its effects (events carry the new snapshot).
    func applyEvent(_ event: OrderEvent, paidBy attempt: PaymentAttempt?, to order: inout OrderRecord,
                    in writer: any CommerceWriter, now: Date) async throws {
        let transition = OrderStateMachine.apply(event, to: order.status, calendarRefused: order.calendarRefused)
        guard transition.status != order.status || !transition.effects.isEmpty else { return }
        order.status = transition.status
        if transition.status == .paid, let attempt { order.snapshot.paymentReference = attempt.transactionCode }
        var kinds: [String] = []
        for effect in transition.effects {
            switch effect {
            case let .recordEvent(kind): kinds.append(kind)
            case .archiveLines: try await writer.archiveLines(orderID: order.id, at: now)
            case .unlockLines: try await writer.unlockLines(orderID: order.id)
            case let .flagMismatch(reason): order.mismatch = reason
            case .markCalendarRefused: order.calendarRefused = true
            }
        }
        order.updatedAt = now
        try await writer.updateOrder(order)
        for kind in kinds {
            try await writer.recordEvent(DomainEvent(kind: kind, subject: order.id.uuidString.lowercased(),
                                                     payload: try order.snapshot.payload(), occurredAt: now))
        }
    }

    /// When the sweeper should read `attempt` next: on the schedule while it may take money and
    /// its order waits; for 48 h after creation when the order ended but money might still come.
    func nextCheck(for attempt: PaymentAttempt, orderStatus: OrderStatus, now: Date) -> Date? {
        guard attempt.state.mayTakeMoney else { return nil }
        if orderStatus != .awaitingPayment,
           now >= attempt.createdAt.addingTimeInterval(settings.unknownMoneyHorizon) { return nil }
        return ReadSchedule.next(after: now, created: attempt.createdAt)
    }

    /// The stored attempt updated with what a read saw; money seen is never forgotten.
    static func merge(_ stored: PaymentAttempt, _ seen: PaymentAttempt) -> PaymentAttempt {
        if stored.state == .paid, seen.state != .paid { return stored }
        var merged = seen
        merged.nextCheckAt = stored.nextCheckAt
        if seen.state != .paid, !stored.state.mayTakeMoney { merged.state = stored.state }
        return merged
    }

    /// The page's credentials, for reading and stopping the order's attempts.
    func paymentCredentials(for order: OrderRecord) async throws -> PaymentCredentials {
        let pageIRI = order.snapshot.pageIRI
        guard let page = try await store.read({ try await $0.page(iri: pageIRI) }),
              let creds = try await credentials.credentials(for: page)
        else { throw ReconcileError.noCredentials(pageSlug: order.pageSlug) }
        return creds
    }
}

/// An order with its attempts, read together.
struct OrderAndAttempts: Sendable {
    var order: OrderRecord
    var attempts: [PaymentAttempt]
}
