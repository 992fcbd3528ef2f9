import Commerce
import Foundation
import Outbox
import Server
import Storage
import Testing
import TestSupport

/// Contract §2: the configured calendar and market peers are followed at start, once.
@Suite("Configured peers")
struct ConfiguredPeersTests {
    @Test(arguments: Backend.available)
    func configuredPeersAreFollowedAtStartOnce(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            var configuration = TestApp.configuration()
            configuration.calendarPeers = ["https://calendar.example/actor"]
            configuration.marketPeers = ["https://market.example/actor"]
            // Two starts: the second finds both followed and sends nothing new.
            _ = try await buildApplication(configuration: configuration, database: database, logger: TestApp.logger)
            _ = try await buildApplication(configuration: configuration, database: database, logger: TestApp.logger)
            let follows = try await SQLOutboxStore(database: database, urls: CollectionsLedger.urls).ourFollows()
            #expect(Set(follows.map(\.actor.value)) == ["https://calendar.example/actor", "https://market.example/actor"])
            let sent = try await SQLEventLog(database: database).unpublished(limit: 100).filter { $0.kind == DomainEventKind.followSent }
            #expect(sent.count == 2)
        }
    }
}
