import ActorIdentity
import Commerce
import Foundation
@testable import Inbox
import Testing
import TestSupport

/// The worker takes the command the receiver already read from a new activity instead of
/// parsing the stored body again; without it (another process, a restart) it parses the body,
/// with the same outcome. Repeats never leave an entry.
@Suite("Inbox received commands")
struct InboxReceivedCommandsTests {
    @Test(arguments: Backend.available)
    func workerTakesTheReceiversCommandOrParsesTheStoredBody(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend) { (inbox: InboxHarness) async throws in
                let remembered = Activities.follow(from: stranger, of: inbox.actor)
                let forgotten = Activities.follow(from: stranger, of: inbox.actor)
                let rememberedID = try #require(remembered["id"]?.stringValue)
                let forgottenID = try #require(forgotten["id"]?.stringValue)
                for activity in [remembered, forgotten] {
                    #expect(try await stranger.post(activity, to: inbox.inboxURL).status == 202)
                }
                // A repeat is a duplicate: nothing more remembered.
                #expect(try await stranger.post(remembered, to: inbox.inboxURL).status == 202)
                #expect(inbox.commands.count == 2)
                // As after a restart: the second one's command is not in memory.
                let taken = try #require(inbox.commands.take(forgottenID))
                #expect(taken.command == .follow(followID: try #require(IRI(forgottenID))))
                #expect(taken.actor.value == stranger.actor)

                #expect(await inbox.worker.drainOnce() == 2)
                #expect(inbox.commands.count == 0)
                #expect(try await inbox.outcome(of: rememberedID) == "done: follow pending approval")
                #expect(try await inbox.outcome(of: forgottenID) == "done: follow pending approval")
                #expect(try await inbox.registry.follower(actor: try #require(IRI(stranger.actor)))?.state == .pending)
            }
        }
    }

    @Test func entriesNeverTakenAreDroppedAGenerationAtATime() throws {
        let commands = ReceivedCommands(capacity: 4)
        let actor = try #require(IRI("https://peer.example/actor"))
        for index in 0..<10 {
            commands.remember("https://peer.example/\(index)", command: .ignored("test"), actor: actor)
        }
        #expect(commands.count <= 4)
        #expect(commands.take("https://peer.example/0") == nil)
        #expect(commands.take("https://peer.example/9")?.command == .ignored("test"))
        #expect(commands.take("https://peer.example/9") == nil)
    }
}
