import Foundation

/// Checkout, payment attempts and the one reconcile routine (contract §5, §6). Each state change
/// and its effects happen in one store transaction under the order's row lock; provider calls
/// happen outside transactions.
public struct OrderService: Sendable, LockedLineReleaser {
    let store: any CommerceStore
    let provider: any PaymentProvider
    let credentials: any PaymentCredentialSource
    let settings: OrderSettings
    let clock: any WallClock
    let coalescer: ReconcileCoalescer

    /// A service; `clock` is injectable for tests. Share one instance per process so that
    /// reconciles of one order coalesce.
    public init(store: any CommerceStore, provider: any PaymentProvider, credentials: any PaymentCredentialSource,
                settings: OrderSettings, clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.provider = provider
        self.credentials = credentials
        self.settings = settings
        self.clock = clock
        self.coalescer = ReconcileCoalescer(window: settings.coalesceWindow)
    }

    /// Reconciles the order with the provider (webhook, return page, sweeper, `orders recheck`):
    /// at most one in flight per order; webhook and return triggers within the coalescing window
    /// of the last read share one read at its end. Returns the order's state afterwards.
    public func reconcile(orderID: UUID, trigger: ReconcileTrigger) async throws -> OrderStatus {
        try await coalescer.run(orderID, coalesce: trigger.coalesces) { [self] in
            try await settle(orderID: orderID, plan: .reconcile).status
        }
    }

    /// The order a provider checkout belongs to (the webhook names checkouts, not orders).
    public func orderID(providerCheckoutID: String) async throws -> UUID? {
        try await store.read { try await $0.attempt(providerCheckoutID: providerCheckoutID)?.orderID }
    }

    /// Stops the order's payment and cancels it so a locked line can be edited (cart edits).
    public func releaseForEdit(orderID: UUID) async throws {
        let outcome = try await settle(orderID: orderID, plan: .cancel)
        switch outcome.status {
        case .paid, .owed, .refunded: throw LockedLineError.orderPaid(orderID)
        case .awaitingPayment: throw LockedLineError.paymentNotStoppable(orderID)
        case .cancelled, .expired, .failed: return
        }
    }
}
