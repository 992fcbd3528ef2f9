import Commerce
import Foundation
import Outbox
import Testing
import TestSupport

/// Finding inboxes: signed fetches, the database cache, stale entries while a server is down.
@Suite("Actor directory")
struct DirectoryTests {
    @Test(arguments: Backend.available)
    func staleEndpointsServeWhileTheActorIsUnreachable(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1) { outbox, hosts in
            let host = hosts[0]
            let actor = try #require(IRI(host.actor(7)))
            let fetched = try await outbox.directory.endpoints(of: actor)
            #expect(fetched == ActorEndpoints(inbox: host.actor(7) + "/inbox", sharedInbox: host.sharedInboxURL))
            _ = try await outbox.directory.endpoints(of: actor)
            #expect(host.actorFetches == 1, "a fresh cache entry is used without fetching")
            outbox.clock.advance(2 * 86_400)
            await host.down()
            #expect(try await outbox.directory.endpoints(of: actor) == fetched, "a stale entry beats no entry")
            let unknown = try #require(IRI(host.actor(8)))
            await #expect(throws: ActorDirectoryError.self) { try await outbox.directory.endpoints(of: unknown) }
        }
    }

    @Test(arguments: Backend.available)
    func aDocumentForSomeoneElseIsRefused(_ backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            try await OutboxHarness.with(database) { outbox in
                try await LoopbackServer.run(handler: { _ in
                    .activityJSON(#"{"id":"https://elsewhere.test/users/x","type":"Person","inbox":"https://elsewhere.test/inbox"}"#)
                }) { server in
                    let actor = try #require(IRI(server.url("/users/1").absoluteString))
                    await #expect(throws: ActorDirectoryError.self) { try await outbox.directory.endpoints(of: actor) }
                    let (found, failed) = try await outbox.directory.endpoints(of: [actor])
                    #expect(found.isEmpty && failed.count == 1)
                }
            }
        }
    }
}
