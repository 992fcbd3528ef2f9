import ActorIdentity
import Commerce
import Foundation
import Logging
import Outbox
import Server
import Storage
import Testing
import TestSupport
import Transport

/// `cart-actor deliveries --order ID` over a real ledger: followers on two loopback origins, one
/// answering 202 and one 500, a paid order published and sent by the real worker.
@Suite("Deliveries listing")
struct DeliveriesListingTests {
    // MARK: Helpers

    /// Publishes `order` (created, then paid) to `followers` and runs the worker once through
    /// a loopback-only guarded transport; returns the order's ledger rows.
    static func deliver(_ order: OrderSnapshot, to followers: [String], database: Database) async throws -> [DeliveryRecord] {
        let urls = CollectionsLedger.urls
        let store = SQLOutboxStore(database: database, urls: urls)
        for actor in followers {
            let iri = try #require(IRI(actor))
            _ = try await store.receiveFollow(actor: iri, followID: try #require(IRI(actor + "/follows/1")), autoAccept: true, now: Date())
        }
        let transport = GuardedTransport(policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
                                         logger: TestApp.logger)
        do {
            let sender = SignedSender(transport: transport, memory: SQLSignatureSchemeMemory(database: database),
                                      keyID: { urls.key(id: "test") }, key: { TestKeys.rsa })
            let wakeup = OutboxWakeup()
            let publisher = Publisher(store: store, renderer: ActivityRenderer(urls: urls, actorObject: { [:] }),
                                      directory: ActorDirectory(transport: sender, cache: store), wakeup: wakeup, logger: TestApp.logger)
            // The follows' own Accepts are published too; only the order's rows matter here.
            try await CollectionsLedger.record(order, paid: true, in: database)
            try await publisher.publishPending()
            let worker = DeliveryWorker(store: store, sender: sender, wakeup: wakeup, logger: TestApp.logger)
            try await worker.drain()
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
        return try await store.deliveries(DeliveryFilter(orderID: order.id))
    }

    // MARK: Tests

    @Test(arguments: Backend.available)
    func orderListingSaysWhoGotOrderPaidAndWhyNot(backend: Backend) async throws {
        let order = try CollectionsLedger.order()
        try await RemoteOrigin.run(inboxStatus: 202) { good in
            try await RemoteOrigin.run(inboxStatus: 500) { failing in
                try await TestDatabases.withDatabase(backend) { database in
                    let rows = try await Self.deliver(order, to: [good.actor("alice"), failing.actor("bob")], database: database)
                    #expect(rows.count == 4, "Create and OrderPaid to two shared inboxes")
                    let text = DeliveryListing.order(order.id, deliveries: rows, now: Date())
                    #expect(text.contains("OrderPaid delivered to 1 of 2 inboxes"))
                    let lines = text.split(separator: "\n").map(String.init)
                    let goodLine = try #require(lines.firstIndex { $0.contains(good.origin + "/inbox") })
                    #expect(lines[goodLine + 1].contains("OrderPaid: yes - delivered"))
                    let badLine = try #require(lines.firstIndex { $0.contains(failing.origin + "/inbox") })
                    #expect(lines[badLine + 1].contains("OrderPaid: no - waiting behind Create"))
                    #expect(lines[badLine + 1].contains("HTTP 500"))
                    #expect(lines[badLine + 1].contains("next "))
                    for row in rows { #expect(text.contains(row.id.uuidString.lowercased()), "ids for `deliveries retry`") }
                }
            }
        }
    }

    @Test(arguments: Backend.available)
    func unpaidOrderListingSaysNoOrderPaid(backend: Backend) async throws {
        let order = try CollectionsLedger.order()
        try await TestDatabases.withDatabase(backend) { database in
            let text = DeliveryListing.order(order.id, deliveries: try await SQLOutboxStore(database: database, urls: CollectionsLedger.urls)
                .deliveries(DeliveryFilter(orderID: order.id)), now: Date())
            #expect(text.contains("no deliveries"))
        }
    }

    @Test(arguments: Backend.available)
    func retryMakesADeadDeliveryDueAgain(backend: Backend) async throws {
        let order = try CollectionsLedger.order()
        try await RemoteOrigin.run(inboxStatus: 500) { failing in
            try await TestDatabases.withDatabase(backend) { database in
                let rows = try await Self.deliver(order, to: [failing.actor("bob")], database: database)
                let store = SQLOutboxStore(database: database, urls: CollectionsLedger.urls)
                let create = try #require(rows.first { $0.activityType == "Create" })
                #expect(create.state == .failed)
                let paid = try #require(rows.first { $0.activityType == DeliveryListing.orderPaidType })
                #expect(paid.state == .pending, "waits behind the Create")
                #expect(try await store.retry(delivery: paid.id, now: Date()) == false, "nothing to retry while it waits")
                #expect(try await store.retry(delivery: UUID(), now: Date()) == false)
                #expect(try await store.retry(delivery: create.id, now: Date()))
                let revived = try #require(try await store.deliveries(DeliveryFilter(orderID: order.id)).first { $0.id == create.id })
                #expect(revived.state == .pending && revived.attempts == 0)
                #expect(try #require(revived.nextAttemptAt) <= Date())
                // Every failed or dead delivery to the host, at once (the follow's Accept too).
                let host = "127.0.0.1:\(failing.server.port)"
                #expect(try await store.retry(host: host, now: Date()) >= 1)
                #expect(try await store.deliveries(DeliveryFilter(host: host)).allSatisfy { $0.state == .pending })
                let counts = try await store.deliveryCounts()
                #expect(counts[.pending] == 3 && counts[.failed] == 0 && counts[.delivered] == 0)
            }
        }
    }
}
