import Foundation
import Outbox
import TestSupport

/// One outbox scenario: a fresh database of `backend`, the harness over it, and `hosts` receivers.
enum Scenario {
    static func run(_ backend: Backend, hosts count: Int, sharedInbox: Bool = true, settings: WorkerSettings = WorkerSettings(),
                    timeout: Duration = .seconds(2), _ body: (OutboxHarness, [ReceiverHost]) async throws -> Void) async throws {
        try await Receivers.with(count, sharedInbox: sharedInbox) { hosts in
            try await TestDatabases.withDatabase(backend) { database in
                try await OutboxHarness.with(database, settings: settings, timeout: timeout) { outbox in
                    try await body(outbox, hosts)
                }
            }
        }
    }
}
