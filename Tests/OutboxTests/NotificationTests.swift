import Commerce
import Foundation
import Logging
import Outbox
import ServiceLifecycle
import Storage
import Testing
import TestSupport
import Transport

/// LISTEN/NOTIFY on PostgreSQL: an instance that did not publish starts delivering at once.
@Suite("Outbox notifications")
struct NotificationTests {
    /// PostgreSQL only: SQLite is one process, where the in-process signal already does this.
    static let backends = Backend.available.filter { $0 == .postgres }

    /// The second instance polls only every 60 s, so a delivery within 10 s can only come from
    /// the notification the first instance's publication sent.
    @Test(arguments: backends)
    func otherInstanceDeliversAtOnceWhenNotified(_ backend: Backend) async throws {
        try await Receivers.with(1, sharedInbox: false) { hosts in
            let host = hosts[0]
            let fresh = try await TestDatabases.freshURL(backend)
            let first = try await Database.open(fresh.url, logger: TestDatabases.logger)
            let second = try await Database.open(fresh.url, logger: TestDatabases.logger)
            let transport = GuardedTransport(allowPrivateNetworks: true, logger: TestDatabases.logger, totalTimeout: .seconds(5))
            let group = ServiceGroupBox()
            do {
                try await first.migrate()
                let clock = ManualClock()
                let publishing = OutboxHarness.make(first, clock: clock, settings: WorkerSettings(), transport: transport,
                                                    logger: TestDatabases.logger)
                let other = OutboxHarness.make(second, clock: clock, settings: WorkerSettings(pollInterval: .seconds(60)),
                                               transport: transport, logger: TestDatabases.logger)
                try await publishing.addFollower(host.actor(1))
                try await publishing.publishAndDeliver()  // the follower's Accept, before the clock starts
                #expect(host.accepted.count == 1)

                let (listening, ready) = AsyncStream.makeStream(of: Void.self)
                let notifications = OutboxNotifications(database: second, wakeup: other.wakeup, logger: TestDatabases.logger,
                                                        onListening: { ready.yield() })
                await group.start([other.worker, notifications])
                var waiting = listening.makeAsyncIterator()
                await waiting.next()
                // Let the worker finish its first (empty) look and settle into its 60 s wait.
                try await Task.sleep(for: .seconds(1))

                let order = try Orders.snapshot()
                try await publishing.record(DomainEventKind.orderCreated, order)
                #expect(try await publishing.publisher.publishPending() == 1)
                let deadline = ContinuousClock.now + .seconds(10)
                while ContinuousClock.now < deadline, !host.accepted.contains(where: { $0.type == "Create" }) {
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(host.accepted.filter { $0.type == "Create" }.count == 1,
                        "the non-publishing instance delivered the Create well before its 60 s poll")
            } catch {
                await group.stop()
                await transport.shutdown()
                await first.close()
                await second.close()
                try? await fresh.remove()
                throw error
            }
            await group.stop()
            await transport.shutdown()
            await first.close()
            await second.close()
            try await fresh.remove()
        }
    }
}

/// Runs services in a `ServiceGroup` in the background and shuts them down gracefully (the
/// worker's 60 s wait ends at once on graceful shutdown; cancelling would not end it).
actor ServiceGroupBox {
    private var group: ServiceGroup?
    private var task: Task<Void, Never>?

    /// Starts `services`.
    func start(_ services: [any Service]) {
        var logger = Logger(label: "outbox-tests.group")
        logger.logLevel = .critical
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [], logger: logger)
        self.group = group
        task = Task { try? await group.run() }
    }

    /// Shuts the services down and waits for them to end.
    func stop() async {
        await group?.triggerGracefulShutdown()
        await task?.value
        group = nil
        task = nil
    }
}
