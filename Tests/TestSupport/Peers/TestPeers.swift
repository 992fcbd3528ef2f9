import Foundation
import Synchronization

/// Runs the test peers' servers for the length of a test.
public enum TestPeers {
    /// Starts one loopback server per kind in `kinds` (each on its own port, so each has its own
    /// origin), runs `body` with the peers in the same order, then stops them.
    public static func run<Result: Sendable>(
        _ kinds: [TestPeer.Kind] = TestPeer.Kind.allCases,
        _ body: ([TestPeer]) async throws -> Result
    ) async throws -> Result {
        try await start(kinds[...], running: [], body)
    }

    private static func start<Result: Sendable>(
        _ remaining: ArraySlice<TestPeer.Kind>, running: [TestPeer], _ body: ([TestPeer]) async throws -> Result
    ) async throws -> Result {
        guard let kind = remaining.first else { return try await body(running) }
        let holder = PeerHolder()
        return try await LoopbackServer.run(handler: { request in
            guard let peer = holder.peer else { return .text("starting", status: 503) }
            return await peer.answer(request)
        }) { server in
            let peer = TestPeer(kind: kind, port: server.port)
            holder.set(peer)
            return try await start(remaining.dropFirst(), running: running + [peer], body)
        }
    }
}

/// The peer a server answers as, set once its port is known.
final class PeerHolder: Sendable {
    private let box = Mutex<TestPeer?>(nil)
    var peer: TestPeer? { box.withLock { $0 } }
    func set(_ peer: TestPeer) { box.withLock { $0 = peer } }
}
