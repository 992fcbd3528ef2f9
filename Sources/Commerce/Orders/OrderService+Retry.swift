import Foundation

/// Paying again for an open order: a new attempt, the previous one deactivated first.
extension OrderService {
    /// Starts a new payment attempt for an open order (the previous one is deactivated first),
    /// or returns the current attempt's page while it can still take money.
    public func retryPayment(orderID: UUID, owner: CartOwner) async throws(CheckoutError) -> CheckoutStart {
        try await guarded {
            let now = clock.now()
            guard let loaded = try await store.read({ reader -> OrderAndAttempts? in
                guard let order = try await reader.order(id: orderID), order.owner == owner else { return nil }
                return OrderAndAttempts(order: order, attempts: try await reader.attempts(orderID: orderID))
            }) else { throw CheckoutError.unknownOrder }
            let order = loaded.order
            guard order.status == .awaitingPayment, now < order.snapshot.holdUntil else { throw CheckoutError.orderNotOpen(orderID) }
            if let current = loaded.attempts.first(where: { $0.id == order.currentAttemptID }), current.state == .open,
               let url = current.hostedCheckoutURL {
                return CheckoutStart(orderID: orderID, paymentURL: url)
            }
            if let current = loaded.attempts.first(where: { $0.id == order.currentAttemptID }), current.state == .creating,
               now.timeIntervalSince(current.createdAt) <= Self.creationGrace {
                // Its create call is still in flight (a double submit): do not start a second one.
                throw CheckoutError.providerUnavailable(orderID: orderID, reason: "payment page still being prepared")
            }
            guard let page = try await store.read({ try await $0.page(iri: order.snapshot.pageIRI) }),
                  let creds = try await credentials.credentials(for: page)
            else { throw CheckoutError.noPaymentCredentials }
            let attempt = PaymentAttempt(orderID: orderID, amount: order.snapshot.total, merchantCode: order.merchantCode,
                                         validUntil: order.snapshot.holdUntil, createdAt: now,
                                         nextCheckAt: ReadSchedule.next(after: now, created: now))
            let current = try await store.write { writer -> OrderRecord in
                guard var locked = try await writer.lockOrder(id: orderID), locked.status == .awaitingPayment else {
                    throw CheckoutError.orderNotOpen(orderID)
                }
                try await writer.insertAttempt(attempt)
                locked.currentAttemptID = attempt.id
                locked.updatedAt = now
                try await writer.updateOrder(locked)
                return locked
            }
            try await stopPrevious(orderID: orderID, except: attempt.id)
            return try await start(attempt, of: current, page: page, creds: creds)
        }
    }

    /// Deactivates the order's other attempts that may take money; a 409 means the order was paid.
    private func stopPrevious(orderID: UUID, except current: UUID) async throws {
        let loaded = try await store.read { reader -> OrderAndAttempts? in
            guard let order = try await reader.order(id: orderID) else { return nil }
            return OrderAndAttempts(order: order, attempts: try await reader.attempts(orderID: orderID))
        }
        guard let loaded else { return }
        let creds = try await paymentCredentials(for: loaded.order)
        let now = clock.now()
        var seen: [PaymentAttempt] = []
        for attempt in loaded.attempts where attempt.id != current && attempt.state.mayTakeMoney {
            var attempt = attempt
            if attempt.providerCheckoutID == nil { attempt = (try? await observe(attempt, creds, now: now)) ?? attempt }
            var unstoppable = false
            if attempt.state.mayTakeMoney { attempt = await stop(attempt, creds, now: now, unstoppable: &unstoppable) }
            if attempt.state == .paid {
                _ = try? await reconcile(orderID: orderID, trigger: .operator)
                throw CheckoutError.alreadyPaid(orderID)
            }
            seen.append(attempt)
        }
        let stopped = seen
        try await store.write { writer in
            let stored = try await writer.attempts(orderID: orderID)
            for attempt in stopped {
                guard let before = stored.first(where: { $0.id == attempt.id }) else { continue }
                var after = Self.merge(before, attempt)
                if !after.state.mayTakeMoney { after.nextCheckAt = nil }
                if after != before { try await writer.updateAttempt(after) }
            }
        }
    }
}
