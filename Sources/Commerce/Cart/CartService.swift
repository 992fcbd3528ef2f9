import Foundation

/// The cart commands browsers and the calendar issue. Each runs in one store transaction;
/// a thrown `CartError` means nothing was stored.
public struct CartService: Sendable {
    let store: any CommerceStore
    let clock: any WallClock
    /// Releases open orders when a locked line is edited (nil: such edits are refused).
    let orders: (any LockedLineReleaser)?
    /// How long a handle keeps naming the user's cart after login.
    public static let handleAliasLifetime: TimeInterval = 24 * 3600

    /// A service over `store`, reading time from `clock`.
    public init(store: any CommerceStore, clock: any WallClock = SystemWallClock()) {
        self.init(store: store, clock: clock, orders: nil)
    }

    /// A service whose edits of lines locked to an open order first release it through `orders`
    /// (stop the payment, cancel the order); a paid order refuses the edit.
    public init(store: any CommerceStore, clock: any WallClock = SystemWallClock(), orders: (any LockedLineReleaser)?) {
        self.store = store
        self.clock = clock
        self.orders = orders
    }

    // MARK: Reading

    /// The cart `reference` names, grouped by page; empty when there is none.
    public func view(_ reference: CartReference) async throws -> CartView {
        let now = clock.now()
        return try await store.read { reader in
            guard let cart = try await Self.resolve(reference, in: reader, now: now) else {
                return CartView(groups: [], totalsByCurrency: [])
            }
            return try await Self.makeView(lines: reader.lines(cartID: cart.id), reader: reader)
        }
    }

    // MARK: Browser commands

    /// Makes sure `owner` has a cart (anonymous carts get `handle`), and marks it active.
    @discardableResult
    public func ensureCart(owner: CartOwner, handle: String?) async throws -> CartRecord {
        let now = clock.now()
        return try await store.write { writer in
            try await Self.cart(for: owner, handle: handle, in: writer, now: now)
        }
    }

    /// Adds `quantity` of a catalog product; a product already in the cart gets its quantity
    /// raised (capped at 99). Returns the resulting line.
    @discardableResult
    public func addProduct(_ iri: IRI, quantity: Int, owner: CartOwner, handle: String? = nil) async throws -> CartLine {
        guard CartLimits.quantity.contains(quantity) else { throw CartError.quantityOutOfRange(quantity) }
        let now = clock.now()
        return try await releasingLocks { try await store.write { writer in
            guard let product = try await writer.product(iri: iri) else { throw CartError.unknownProduct(iri) }
            guard !product.withdrawn else { throw CartError.productWithdrawn(iri) }
            guard let page = try await writer.page(iri: product.pageIRI) else { throw CartError.pageNotConfigured(product.pageIRI) }
            guard page.currency == product.price.currency else {
                throw CartError.currencyMismatch(expected: page.currency, got: product.price.currency)
            }
            let cart = try await Self.cart(for: owner, handle: handle, in: writer, now: now)
            let lines = try await writer.lines(cartID: cart.id)
            if var line = lines.first(where: { $0.item == .product(iri) }) {
                if let order = try await writer.lineLocks(cartID: cart.id)[line.id] { throw LineLockedSignal(orderID: order) }
                line.quantity = min(line.quantity + quantity, CartLimits.quantity.upperBound)
                line.name = product.name
                try await writer.updateLine(line, cartID: cart.id)
                return line
            }
            guard lines.count < CartLimits.maxLines else { throw CartError.tooManyLines }
            let line = CartLine(item: .product(iri), pageIRI: page.iri, name: product.name,
                                unitPrice: product.price, quantity: quantity, addedAt: now)
            try await writer.insertLine(line, cartID: cart.id)
            return line
        } }
    }

    /// Sets a product or ticket line's quantity; 0 removes the line. Returns the line as it is
    /// now, or nil when it was removed.
    @discardableResult
    public func setQuantity(line id: UUID, to quantity: Int, owner: CartOwner) async throws -> CartLine? {
        guard quantity == 0 || CartLimits.quantity.contains(quantity) else { throw CartError.quantityOutOfRange(quantity) }
        let now = clock.now()
        return try await releasingLocks {
            // One store call (issue 2's hot path): no read of the cart and its lines first; the
            // store may commit it together with other buyers' changes.
            switch try await store.setLineQuantity(id: id, quantity: quantity, owner: owner, now: now) {
            case let .updated(line): return line
            case .removed: return nil
            case .notFound: throw CartError.unknownLine
            case .notSettable: throw CartError.quantityNotSettable
            case let .locked(order): throw LineLockedSignal(orderID: order)
            }
        }
    }

    /// Removes any line; returns it so the caller can tell a calendar about its entry or ticket.
    @discardableResult
    public func removeLine(_ id: UUID, owner: CartOwner) async throws -> CartLine {
        let now = clock.now()
        return try await releasingLocks { try await store.write { writer in
            guard let cart = try await writer.cart(owner: owner),
                  let line = try await writer.lines(cartID: cart.id).first(where: { $0.id == id })
            else { throw CartError.unknownLine }
            if let order = try await writer.lineLocks(cartID: cart.id)[id] { throw LineLockedSignal(orderID: order) }
            try await writer.deleteLine(id: id, cartID: cart.id)
            try await writer.touchCart(id: cart.id, now: now)
            if line.item.isCalendarItem, let calendar = line.calendarActor {
                // The calendar hears of it (outbox `Remove`), in this transaction.
                let removal = CalendarLineRemoval(item: line.item.iri, calendar: calendar,
                                                  customer: OrderService.customer(owner), handle: cart.handle)
                try await writer.recordEvent(DomainEvent(kind: DomainEventKind.calendarLineRemoved, subject: line.item.iri.value,
                                                         payload: try EventPayload.encode(removal), occurredAt: now))
            }
            return line
        } }
    }

    // MARK: Calendar commands

    /// Puts a calendar entry (always quantity 1; a repeat changes nothing) or a ticket type (a
    /// repeat sets its quantity) into the cart `reference` names.
    @discardableResult
    public func addCalendarItem(_ item: CalendarItem, quantity: Int = 1, to reference: CartReference) async throws -> CartLine {
        let quantity = item.isTicket ? quantity : 1
        guard CartLimits.quantity.contains(quantity) else { throw CartError.quantityOutOfRange(quantity) }
        let now = clock.now()
        return try await store.write { writer in
            guard let page = try await writer.page(iri: item.pageIRI) else { throw CartError.pageNotConfigured(item.pageIRI) }
            guard page.currency == item.price.currency else {
                throw CartError.currencyMismatch(expected: page.currency, got: item.price.currency)
            }
            guard let cart = try await Self.resolve(reference, in: writer, now: now, creating: true) else {
                throw CartError.unknownHandle
            }
            let lineItem: LineItem = item.entryIRI.map { .ticket(item.iri, entry: $0) } ?? .entry(item.iri)
            let lines = try await writer.lines(cartID: cart.id)
            if var line = lines.first(where: { $0.item.iri == item.iri }) {
                guard item.isTicket, line.quantity != quantity else { return line }
                // A calendar's Add never cancels an open order: a locked line keeps its quantity.
                guard try await writer.lineLocks(cartID: cart.id)[line.id] == nil else { return line }
                line.quantity = quantity
                try await writer.updateLine(line, cartID: cart.id)
                return line
            }
            guard lines.count < CartLimits.maxLines else { throw CartError.tooManyLines }
            let line = CartLine(item: lineItem, pageIRI: page.iri, name: item.name, unitPrice: item.price,
                                quantity: quantity, startTime: item.startTime, endTime: item.endTime,
                                calendarActor: item.calendarActor, addedAt: now)
            try await writer.insertLine(line, cartID: cart.id)
            return line
        }
    }

    /// Removes the entry or ticket line with this IRI; returns whether there was one.
    @discardableResult
    public func removeCalendarItem(_ iri: IRI, from reference: CartReference) async throws -> Bool {
        let now = clock.now()
        return try await store.write { writer in
            guard let cart = try await Self.resolve(reference, in: writer, now: now),
                  let line = try await writer.lines(cartID: cart.id).first(where: { $0.item.isCalendarItem && $0.item.iri == iri })
            else { return false }
            // A line locked to an open order stays: the calendar refuses holds with Reject.
            guard try await writer.lineLocks(cartID: cart.id)[line.id] == nil else { return false }
            try await writer.deleteLine(id: line.id, cartID: cart.id)
            return true
        }
    }

    // MARK: Adoption

    /// The anonymous cart `source` names now belongs to `user`: its lines merge into the user's
    /// cart (`CartMerge`), it is deleted, and its handle keeps naming the user's cart for a day.
    /// Adopting again changes nothing.
    public func adopt(_ source: CartReference, into user: IRI) async throws {
        let now = clock.now()
        try await store.write { writer in
            guard let anonymous = try await Self.resolve(source, in: writer, now: now),
                  case .anonymous = anonymous.owner
            else { return } // nothing anonymous left: already adopted, or never filled
            let target = try await Self.cart(for: .user(user), handle: nil, in: writer, now: now)
            let sourceLines = try await writer.lines(cartID: anonymous.id)
            let sourceLocks = try await writer.lineLocks(cartID: anonymous.id)
            let outcome = CartMerge.merge(into: try await writer.lines(cartID: target.id), from: sourceLines)
            for line in outcome.updated { try await writer.updateLine(line, cartID: target.id) }
            try await writer.deleteCart(id: anonymous.id)
            for line in outcome.inserted { try await writer.insertLine(line, cartID: target.id) }
            // The session's orders are the user's now; lines moved keep their order's lock.
            try await writer.moveOrders(from: anonymous.owner, to: .user(user))
            for (lineID, orderID) in sourceLocks where outcome.inserted.contains(where: { $0.id == lineID }) {
                try await writer.lockLines(ids: [lineID], orderID: orderID)
            }
            if let handle = anonymous.handle {
                try await writer.addHandleAlias(handle: handle, cartID: target.id,
                                                expires: now.addingTimeInterval(Self.handleAliasLifetime))
            }
        }
    }

    /// Makes `handle` name the cart of signed-in `user` until `lifetime` from now (a sibling site
    /// asked a signed-in visitor's browser for its handle); the user's cart is created if needed.
    public func pointHandle(_ handle: String, atCartOf user: IRI, for lifetime: TimeInterval) async throws {
        let now = clock.now()
        try await store.write { writer in
            let cart = try await Self.cart(for: .user(user), handle: nil, in: writer, now: now)
            try await writer.addHandleAlias(handle: handle, cartID: cart.id, expires: now.addingTimeInterval(lifetime))
        }
    }

    // MARK: Housekeeping

    /// Deletes anonymous carts idle for `CartLimits.anonymousIdleDays` and expired handle
    /// aliases; returns how many carts.
    public func expireIdleCarts() async throws -> Int {
        let now = clock.now()
        let cutoff = now.addingTimeInterval(-Double(CartLimits.anonymousIdleDays) * 86_400)
        return try await store.write { writer in
            try await writer.deleteExpiredHandleAliases(now: now)
            return try await writer.deleteIdleAnonymousCarts(before: cutoff)
        }
    }

    // MARK: Helpers

    /// Runs `body`; when it hit a line locked to an open order, releases that order (stops its
    /// payment, cancels it) and runs `body` again.
    func releasingLocks<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        for _ in 0..<3 {
            do {
                return try await body()
            } catch let signal as LineLockedSignal {
                guard let orders else { throw LockedLineError.lockedToOrder(signal.orderID) }
                try await orders.releaseForEdit(orderID: signal.orderID)
            }
        }
        return try await body()
    }

    /// The owner's cart, created if missing, marked active (one store call).
    static func cart(for owner: CartOwner, handle: String?, in writer: any CommerceWriter, now: Date) async throws -> CartRecord {
        try await writer.createCart(owner: owner, handle: handle, now: now)
    }

    static func resolve(_ reference: CartReference, in reader: any CommerceReader, now: Date) async throws -> CartRecord? {
        switch reference {
        case let .owner(owner): try await reader.cart(owner: owner)
        case let .handle(handle): try await reader.cart(handle: handle, now: now)
        }
    }

    /// Like `resolve`, but a user's cart is created on first use (a calendar may book for a
    /// signed-in user who has no cart yet).
    static func resolve(_ reference: CartReference, in writer: any CommerceWriter, now: Date, creating: Bool) async throws -> CartRecord? {
        if let cart = try await resolve(reference, in: writer, now: now) { return cart }
        guard creating, case let .owner(owner) = reference, case .user = owner else { return nil }
        return try await writer.createCart(owner: owner, handle: nil, now: now)
    }

    static func makeView(lines: [CartLine], reader: any CommerceReader) async throws -> CartView {
        var groups: [CartView.PageGroup] = []
        for pageIRI in Set(lines.map(\.pageIRI)).sorted() {
            guard let page = try await reader.page(iri: pageIRI) else { continue }
            let pageLines = lines.filter { $0.pageIRI == pageIRI }
            var withdrawn: Set<IRI> = []
            for line in pageLines {
                if case let .product(iri) = line.item, try await reader.product(iri: iri)?.withdrawn ?? true {
                    withdrawn.insert(iri)
                }
            }
            do {
                let total = try Money.sum(pageLines.map { try $0.lineTotal() }, in: page.currency)
                groups.append(.init(page: page, lines: pageLines, withdrawn: withdrawn, total: total))
            } catch let error as MoneyError {
                throw CartError.money(error)
            }
        }
        groups.sort { ($0.page.title, $0.page.slug) < ($1.page.title, $1.page.slug) }
        var totals: [Currency: Money] = [:]
        do {
            for group in groups {
                totals[group.total.currency] = try (totals[group.total.currency] ?? .zero(group.total.currency)).adding(group.total)
            }
        } catch {
            throw CartError.money(error)
        }
        return CartView(groups: groups, totalsByCurrency: totals.values.sorted { $0.currency.code < $1.currency.code })
    }
}
