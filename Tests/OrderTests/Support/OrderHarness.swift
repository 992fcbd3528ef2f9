import Commerce
import Foundation
import Payments
import Storage
import Testing
import TestSupport

/// Real parts wired like the app: a migrated database, the real `SumUpProvider` against the fake
/// SumUp on loopback, a loopback webhook endpoint, and the cart and order services.
struct OrderHarness: Sendable {
    let database: Database
    let store: SQLCommerceStore
    let clock: ManualClock
    let fake: FakeSumUp
    let orders: OrderService
    let carts: CartService
    let webhooks: WebhookReceiver
    let provider: SumUpProvider
    let credentials: SealedCredentialSource
    let settings: OrderSettings

    static let holdMinutes = 15

    /// Runs `body` with fresh parts on `backend`; `withCredentials: false` gives pages no way to pay.
    static func run(_ backend: Backend, window: Duration = .milliseconds(200), withCredentials: Bool = true,
                    _ body: @Sendable (OrderHarness) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            try await FakeSumUp.run { fake in
                let receiver = WebhookReceiver()
                try await LoopbackServer.run(handler: { await receiver.answer($0) }) { server in
                    let store = SQLCommerceStore(database: database)
                    let clock = ManualClock()
                    let credentials = SealedCredentialSource(sealedKey: { _ in nil }, dataKey: nil,
                                                             fallback: withCredentials ? fake.credentials : nil)
                    let settings = OrderSettings(holdMinutes: holdMinutes, baseURL: "http://127.0.0.1:\(server.port)",
                                                 coalesceWindow: window)
                    let provider = fake.provider(logger: TestDatabases.logger)
                    let orders = OrderService(store: store, provider: provider, credentials: credentials,
                                              settings: settings, clock: clock)
                    await receiver.attach(orders)
                    let harness = OrderHarness(database: database, store: store, clock: clock, fake: fake, orders: orders,
                                               carts: CartService(store: store, clock: clock, orders: orders), webhooks: receiver,
                                               provider: provider, credentials: credentials, settings: settings)
                    try await harness.stock()
                    try await body(harness)
                    #expect(await fake.violations() == [])
                }
            }
        }
    }

    /// Another service on the same database and provider, like a second process (own coalescer).
    func secondInstance() -> OrderService {
        OrderService(store: SQLCommerceStore(database: database), provider: provider, credentials: credentials,
                     settings: settings, clock: clock)
    }

    private func stock() async throws {
        let catalog = CatalogService(store: store)
        try await catalog.addPage(OrderShop.marketDay)
        for n in 1...3 { _ = try await catalog.upsertProduct(OrderShop.product(n)) }
    }

    /// A buyer with two products in the cart (total 3 × 3.50 + 3.50 = 14.00 GBP).
    func fillCart(_ owner: CartOwner = OrderShop.visitor()) async throws -> CartOwner {
        try await carts.addProduct(OrderShop.product(1).iri, quantity: 3, owner: owner, handle: "h-\(owner.storageKey)")
        try await carts.addProduct(OrderShop.product(2).iri, quantity: 1, owner: owner)
        return owner
    }

    /// Checks out the buyer's market-day lines.
    func checkout(_ owner: CartOwner) async throws -> CheckoutStart {
        try await orders.checkout(pageSlug: OrderShop.marketDay.slug, owner: owner)
    }

    /// The provider's checkout id of the order's current attempt.
    func checkoutID(_ orderID: UUID) async throws -> String {
        let details = try await orders.order(id: orderID, access: .operator)
        guard let id = details?.attempts.last?.providerCheckoutID else { throw HarnessError.noCheckout(orderID) }
        return id
    }

    /// Domain events of `kind` about the order.
    func events(_ kind: String, of orderID: UUID) async throws -> [DomainEvent] {
        try await SQLEventLog(database: database).unpublished(limit: 10_000)
            .filter { $0.kind == kind && $0.subject == orderID.uuidString.lowercased() }
    }

    /// The order as operators see it.
    func details(_ orderID: UUID) async throws -> OrderDetails {
        guard let details = try await orders.order(id: orderID, access: .operator) else { throw HarnessError.noOrder(orderID) }
        return details
    }

    enum HarnessError: Error { case noCheckout(UUID), noOrder(UUID) }
}
