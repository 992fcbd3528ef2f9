import Foundation

/// Checkout per page: freeze the page's lines into an order in one transaction, then start a
/// payment attempt (written before the provider call, found by reference after a 409 or crash).
extension OrderService {
    /// Freezes `owner`'s lines of the page into an order and starts paying it. Checking out
    /// again with the same locked lines reuses the open order; with other lines, the open order
    /// is cancelled first.
    public func checkout(pageSlug: String, owner: CartOwner) async throws(CheckoutError) -> CheckoutStart {
        try await guarded {
            guard let page = try await store.read({ try await $0.page(slug: pageSlug) }) else { throw CheckoutError.unknownPage }
            guard Currency.supported[page.currency.code] != nil else { throw CheckoutError.unsupportedCurrency(page.currency.code) }
            guard let creds = try await credentials.credentials(for: page) else { throw CheckoutError.noPaymentCredentials }
            for _ in 0..<3 {
                let now = clock.now()
                switch try await store.write({ try await freeze(page: page, owner: owner, merchant: creds.merchantCode, in: $0, now: now) }) {
                case let .created(order, attempt):
                    return try await start(attempt, of: order, page: page, creds: creds)
                case let .open(orderID):
                    return try await retryPayment(orderID: orderID, owner: owner)
                case let .release(orderIDs):
                    for id in orderIDs {
                        do {
                            try await releaseForEdit(orderID: id)
                        } catch LockedLineError.orderPaid {
                            throw CheckoutError.alreadyPaid(id)
                        } catch LockedLineError.paymentNotStoppable {
                            throw CheckoutError.providerUnavailable(orderID: id, reason: "the open order's payment cannot be stopped")
                        }
                    }
                }
            }
            throw CheckoutError.storage("cart kept changing during checkout")
        }
    }

    /// What the checkout transaction decided.
    enum FreezeOutcome: Sendable {
        case created(OrderRecord, PaymentAttempt)
        case open(UUID)
        case release([UUID])
    }

    /// The checkout transaction: validate the page's lines, make the order and its first
    /// attempt (state `creating`), lock the lines, record `order.created`.
    private func freeze(page: Page, owner: CartOwner, merchant: String, in writer: any CommerceWriter,
                        now: Date) async throws -> FreezeOutcome {
        guard let page = try await writer.page(slug: page.slug) else { throw CheckoutError.unknownPage }
        guard let cart = try await writer.cart(owner: owner) else { throw CheckoutError.emptyCart }
        let lines = try await writer.lines(cartID: cart.id).filter { $0.pageIRI == page.iri }
        guard !lines.isEmpty else { throw CheckoutError.emptyCart }
        let locks = try await writer.lineLocks(cartID: cart.id)
        let lockedTo = Set(lines.compactMap { locks[$0.id] })
        if let only = lockedTo.first, lockedTo.count == 1, lines.allSatisfy({ locks[$0.id] == only }),
           let open = try await writer.order(id: only), open.status == .awaitingPayment, now < open.snapshot.holdUntil {
            return .open(only)
        }
        if !lockedTo.isEmpty { return .release(lockedTo.sorted { $0.uuidString < $1.uuidString }) }
        var items: [OrderItem] = []
        for line in lines {
            if case let .product(iri) = line.item {
                guard let product = try await writer.product(iri: iri), !product.withdrawn else {
                    throw CheckoutError.productWithdrawn(line.name)
                }
                guard product.price == line.unitPrice else { throw CheckoutError.priceChanged(line.name) }
            }
            items.append(OrderItem(item: line.item, name: line.name, unitPrice: line.unitPrice, quantity: line.quantity,
                                   calendarActor: line.calendarActor))
        }
        let total: Money
        do { total = try Money.sum(lines.map { try $0.lineTotal() }, in: page.currency) } catch {
            throw CheckoutError.storage("total: \(error)")
        }
        let id = UUID()
        let holdUntil = now.addingTimeInterval(Double(settings.holdMinutes) * 60)
        let attempt = PaymentAttempt(orderID: id, amount: total, merchantCode: merchant, validUntil: holdUntil,
                                     createdAt: now, nextCheckAt: ReadSchedule.next(after: now, created: now))
        let snapshot = OrderSnapshot(id: id, number: try await writer.nextOrderNumber(pageIRI: page.iri), pageIRI: page.iri,
                                     status: .awaitingPayment, customer: Self.customer(owner), holdUntil: holdUntil,
                                     total: total, items: items, createdAt: now)
        let order = OrderRecord(snapshot: snapshot, pageSlug: page.slug, owner: owner, merchantCode: merchant,
                                receiptKey: ReceiptKey.make(), currentAttemptID: attempt.id, updatedAt: now)
        try await writer.insertOrder(order)
        try await writer.insertAttempt(attempt)
        try await writer.lockLines(ids: lines.map(\.id), orderID: id)
        try await writer.recordEvent(DomainEvent(kind: DomainEventKind.orderCreated, subject: id.uuidString.lowercased(),
                                                 payload: try snapshot.payload(), occurredAt: now))
        return .created(order, attempt)
    }

    /// Calls the provider for a written attempt and stores what it answered.
    func start(_ attempt: PaymentAttempt, of order: OrderRecord, page: Page,
                       creds: PaymentCredentials) async throws -> CheckoutStart {
        let request = CheckoutRequest(reference: attempt.reference, amount: attempt.amount, merchantCode: attempt.merchantCode,
                                      description: "\(page.title) order \(order.snapshot.number)",
                                      webhookURL: settings.webhookURL, redirectURL: settings.redirectURL(orderID: order.id),
                                      validUntil: attempt.validUntil)
        var made: ProviderCheckout
        do {
            made = try await provider.createCheckout(request, credentials: creds)
        } catch .conflict {
            // The reference exists: an earlier call landed although we did not hear the answer.
            let found = try? await provider.checkouts(reference: attempt.reference, credentials: creds)
            guard let existing = found?.first(where: { $0.reference.lowercased() == attempt.reference }) else {
                throw CheckoutError.providerUnavailable(orderID: order.id, reason: "checkout reference exists but cannot be read")
            }
            made = existing
        } catch let .unavailable(reason) {
            // The call ended unanswered: the checkout may exist; later reads look it up by reference.
            try await store.write { writer in
                var unanswered = attempt
                unanswered.state = .unconfirmed
                try await writer.updateAttempt(unanswered)
            }
            throw CheckoutError.providerUnavailable(orderID: order.id, reason: reason)
        } catch {
            try await store.write { writer in
                var refused = attempt
                refused.state = .abandoned
                refused.nextCheckAt = nil
                try await writer.updateAttempt(refused)
            }
            throw CheckoutError.providerRejected(orderID: order.id, reason: error.description)
        }
        let answer = made
        let stored = try await store.write { writer -> PaymentAttempt in
            let current = try await writer.attempts(orderID: order.id).first { $0.id == attempt.id } ?? attempt
            var updated = Self.merge(current, Self.absorb(answer, into: current))
            updated.lastReadAt = clock.now()
            if updated != current { try await writer.updateAttempt(updated) }
            return updated
        }
        if let mismatch = stored.mismatch {
            throw CheckoutError.providerRejected(orderID: order.id, reason: "provider checkout does not match: \(mismatch)")
        }
        guard let url = stored.hostedCheckoutURL else {
            throw CheckoutError.providerRejected(orderID: order.id, reason: "no hosted checkout page")
        }
        return CheckoutStart(orderID: order.id, paymentURL: url)
    }

    /// The order's `customer`: the user IRI, never the anonymous session key.
    static func customer(_ owner: CartOwner) -> IRI? {
        if case let .user(iri) = owner { return iri }
        return nil
    }

    /// Runs `body`, turning every error that is not a `CheckoutError` into `.storage`.
    func guarded<T: Sendable>(_ body: () async throws -> T) async throws(CheckoutError) -> T {
        do { return try await body() } catch let error as CheckoutError { throw error } catch {
            throw CheckoutError.storage(String(describing: error))
        }
    }
}
