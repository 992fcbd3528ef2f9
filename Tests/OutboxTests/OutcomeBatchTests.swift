import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// Outcomes recorded together (the workers' group commit) keep every rule of one-at-a-time.
@Suite("Outbox batched outcomes")
struct OutcomeBatchTests {
    @Test(arguments: Backend.available)
    func oneBatchRecordsEachOutcomeAndIgnoresStaleClaims(_ backend: Backend) async throws {
        try await Receivers.with(3, sharedInbox: false) { hosts in
            try await TestDatabases.withDatabase(backend) { database in
                try await OutboxHarness.with(database) { harness in
                    for host in hosts { try await harness.addFollower(host.actor(1)) }
                    let order = try Orders.snapshot()
                    try await harness.record(DomainEventKind.orderCreated, order)
                    try await harness.record(DomainEventKind.orderPaid, Orders.paid(order))
                    try await harness.publisher.publishPending()
                    let now = harness.clock.now()
                    let claimed = try await harness.store.claimDue(limit: 100, now: now, leaseUntil: now.addingTimeInterval(120))
                    #expect(claimed.count == 6, "three Accepts and three Creates; each OrderPaid waits behind its Create")

                    let records = try await harness.store.deliveries(DeliveryFilter(orderID: order.id, limit: 100))
                    let createID = try #require(records.first { $0.activityType == "Create" }?.activityID)
                    func claim(_ host: Int, create: Bool) throws -> ClaimedDelivery {
                        try #require(claimed.first {
                            $0.inbox.hasPrefix(hosts[host].origin) && ($0.activityID == createID) == create
                        })
                    }
                    func report(_ decision: DeliveryDecision, _ status: Int?, at seconds: TimeInterval, hostFailed: Bool?) -> DeliveryReport {
                        DeliveryReport(decision: decision, status: status, error: status.map { "HTTP \($0)" }, startedAt: now,
                                       finishedAt: now.addingTimeInterval(seconds), hostFailed: hostFailed)
                    }
                    var stale = try claim(0, create: false)
                    stale.claim = UUID()  // its lease ran out and another worker took it
                    // Host 2: the failure finished before the success, though listed after it.
                    try await harness.store.finish([
                        FinishedAttempt(delivery: try claim(0, create: true), report: report(.delivered, 202, at: 1, hostFailed: false)),
                        FinishedAttempt(delivery: try claim(1, create: true), report: report(.dead(reason: "HTTP 400"), 400, at: 1, hostFailed: nil)),
                        FinishedAttempt(delivery: stale, report: report(.delivered, 202, at: 1, hostFailed: false)),
                        FinishedAttempt(delivery: try claim(1, create: false), report: report(.delivered, 202, at: 1, hostFailed: false)),
                        FinishedAttempt(delivery: try claim(2, create: false), report: report(.delivered, 202, at: 3, hostFailed: false)),
                        FinishedAttempt(delivery: try claim(2, create: true),
                                        report: report(.retry(at: now.addingTimeInterval(60), reason: "HTTP 503"), 503, at: 2, hostFailed: true)),
                    ])

                    let after = try await harness.store.deliveries(DeliveryFilter(orderID: order.id, limit: 100))
                    func state(_ host: Int, _ type: String) throws -> DeliveryRecord {
                        try #require(after.first { $0.inbox.hasPrefix(hosts[host].origin) && $0.activityType == type })
                    }
                    #expect(try state(0, "Create").state == .delivered)
                    #expect(try state(1, "Create").state == .dead)
                    #expect(try state(1, "rose:OrderPaid").state == .dead, "a dead Create takes the OrderPaid to that inbox with it")
                    #expect(try state(1, "rose:OrderPaid").lastError?.contains("earlier activity") == true)
                    let retried = try state(2, "Create")
                    #expect(retried.state == .failed && retried.attempts == 1 && retried.lastStatus == 503)
                    #expect(try state(2, "rose:OrderPaid").state == .pending)
                    let staleRow = try #require(try await harness.store.deliveries(DeliveryFilter(state: .inFlight, limit: 100)).first)
                    #expect(staleRow.id == stale.id && staleRow.attempts == 0, "a report under an old claim changes nothing")

                    let health = try await harness.store.troubledHosts()
                    let failing = try #require(health.first { $0.host == (try? claim(2, create: true).host) })
                    #expect(failing.failingDays == 0, "replayed in time order: the later success cleared the failure")
                    #expect(failing.failing == 1)

                    let next = try await harness.store.claimDue(limit: 100, now: now.addingTimeInterval(5), leaseUntil: now.addingTimeInterval(125))
                    #expect(next.map(\.inbox) == [try claim(0, create: true).inbox], "only the OrderPaid behind the delivered Create is due")
                }
            }
        }
    }
}
