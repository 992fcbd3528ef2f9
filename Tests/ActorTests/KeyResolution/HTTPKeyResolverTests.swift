import ActorIdentity
import Foundation
import Logging
import TestSupport
import Testing
import Transport

@Suite("HTTP key resolver over loopback")
struct HTTPKeyResolverTests {
    private func resolver(_ transport: any HTTPTransport = ResolverTransports.loopbackOnly,
                          clock: TestClock = TestClock()) -> HTTPKeyResolver {
        HTTPKeyResolver(transport: transport, cache: MemoryKeyCache(), logger: Logger(label: "resolver-test"),
                        now: { clock.now })
    }

    /// Serves `/actor` with the state's current key; `/missing` 404; `/busy` 503; `/foreign`
    /// a key owned on another origin; `/moved` redirects into 10/8; `/slow` after 300 ms.
    private func withRemoteActor(
        _ state: RemoteActorState, _ body: (LoopbackServer, RequestLog) async throws -> Void
    ) async throws {
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            let origin = ActorDocuments.origin(of: request)
            let pem = await state.pem
            switch request.path {
            case "/actor": return .activityJSON(ActorDocuments.actor(origin: origin, pem: pem))
            case "/slow":
                try? await Task.sleep(for: .milliseconds(300))
                return .activityJSON(ActorDocuments.actor(origin: origin, path: "/slow", pem: pem))
            case "/foreign":
                return .activityJSON(ActorDocuments.actor(origin: origin, path: "/foreign", pem: pem, owner: "https://elsewhere.example/actor"))
            case "/busy": return .text("try later", status: 503)
            case "/moved": return .redirect(to: "http://10.0.0.1/actor")
            default: return .text("no such actor", status: 404)
            }
        }) { server in try await body(server, log) }
    }

    private func state() throws -> RemoteActorState {
        RemoteActorState(pem: try TestKeys.rsa.publicKey.pem())
    }

    @Test("a cached key is served without a second request")
    func cacheHit() async throws {
        try await withRemoteActor(try state()) { server, log in
            let resolver = resolver()
            let keyID = server.url("/actor").absoluteString + "#main-key"
            let first = try await resolver.resolve(keyID: keyID, refresh: false)
            let again = try await resolver.resolve(keyID: keyID, refresh: false)
            #expect(first.ownerIRI == server.url("/actor").absoluteString)
            #expect(first.key == (TestKeys.rsa.publicKey))
            #expect(again.key == first.key)
            #expect(await log.count(path: "/actor") == 1)
            let accept = await log.requests.first?.header("accept")
            #expect(accept == HTTPKeyResolver.acceptHeader)
        }
    }

    @Test("a rotated key is fetched again on refresh")
    func rotatedKey() async throws {
        let remote = try state()
        try await withRemoteActor(remote) { server, log in
            let clock = TestClock()
            let resolver = resolver(clock: clock)
            let keyID = server.url("/actor").absoluteString + "#main-key"
            let old = try await resolver.resolve(keyID: keyID, refresh: false)
            await remote.rotate(to: try TestKeys.rsa2.publicKey.pem())
            #expect(try await resolver.resolve(keyID: keyID, refresh: false).key == old.key, "still cached")
            #expect(try await resolver.resolve(keyID: keyID, refresh: true).key == old.key, "refresh throttled")
            #expect(await log.count(path: "/actor") == 1)
            clock.advance(by: 31)
            let fresh = try await resolver.resolve(keyID: keyID, refresh: true)
            #expect(fresh.key == (TestKeys.rsa2.publicKey))
            #expect(try await resolver.resolve(keyID: keyID, refresh: false).key == fresh.key, "cache updated")
            #expect(await log.count(path: "/actor") == 2)
        }
    }

    @Test("an unreachable key host is transient")
    func unreachableIsTransient() async throws {
        let port = try await LoopbackServer.run(handler: { _ in .text("") }) { $0.port }
        let quick = GuardedTransport(
            policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
            logger: Logger(label: "test"), connectTimeout: .milliseconds(300))
        let error = await failure(of: resolver(quick), "http://127.0.0.1:\(port)/actor#main-key")
        await quick.shutdown()
        guard case .transient? = error else { Issue.record("expected transient, got \(String(describing: error))"); return }
    }

    @Test("404 is notFound and remembered briefly; 503 is transient and not remembered")
    func statusMapping() async throws {
        try await withRemoteActor(try state()) { server, log in
            let resolver = resolver()
            let missing = server.url("/missing").absoluteString + "#main-key"
            for _ in 0..<2 {
                let error = await failure(of: resolver, missing)
                guard case .notFound? = error else { Issue.record("expected notFound, got \(String(describing: error))"); return }
            }
            #expect(await log.count(path: "/missing") == 1, "the second answer came from the negative cache")
            let busy = server.url("/busy").absoluteString + "#main-key"
            for _ in 0..<2 {
                let error = await failure(of: resolver, busy)
                guard case .transient? = error else { Issue.record("expected transient, got \(String(describing: error))"); return }
            }
            #expect(await log.count(path: "/busy") == 2)
        }
    }

    @Test("a key owned on another origin is invalid")
    func foreignOwnerInvalid() async throws {
        try await withRemoteActor(try state()) { server, _ in
            let error = await failure(of: resolver(), server.url("/foreign").absoluteString + "#main-key")
            guard case .invalid(let why)? = error else { Issue.record("expected invalid, got \(String(describing: error))"); return }
            #expect(why.contains("owned by https://elsewhere.example/actor"))
        }
    }

    /// A redirect into a private range is refused by the transport before connecting; the
    /// refusal is permanent (our policy), so it maps to `.invalid` (inbox 401), not `.transient`
    /// (503 would invite the sender to retry a fetch that can never succeed).
    @Test("a redirect into a private range is refused as invalid")
    func redirectIntoPrivateRangeInvalid() async throws {
        try await withRemoteActor(try state()) { server, _ in
            let error = await failure(of: resolver(), server.url("/moved").absoluteString + "#main-key")
            guard case .invalid(let why)? = error else { Issue.record("expected invalid, got \(String(describing: error))"); return }
            #expect(why.contains("10.0.0.1"))
        }
    }

    /// Without the final-URL origin check this document would pass: its id and key are on the
    /// key id's origin, but another origin served it.
    @Test("a document served after a redirect to another origin is invalid, whatever id it claims")
    func crossOriginRedirectInvalid() async throws {
        try await LoopbackServer.run(handler: { request in
            let claimed = "http://" + request.path.replacingOccurrences(of: "/forged/", with: "")
            let pem = (try? TestKeys.rsa2.publicKey.pem()) ?? ""
            return .activityJSON(ActorDocuments.actor(origin: claimed, pem: pem))
        }) { forger in
            try await LoopbackServer.run(handler: { request in
                .redirect(to: forger.url("/forged/\(request.header("host") ?? "")").absoluteString)
            }) { redirector in
                let error = await failure(of: resolver(), redirector.url("/actor").absoluteString + "#main-key")
                guard case .invalid(let why)? = error else { Issue.record("expected invalid, got \(String(describing: error))"); return }
                #expect(why.contains("redirected to another origin"))
            }
        }
    }

    @Test("concurrent resolves of one key id make one request")
    func concurrentResolvesShareOneFetch() async throws {
        try await withRemoteActor(try state()) { server, log in
            let resolver = resolver()
            let keyID = server.url("/slow").absoluteString + "#main-key"
            let count = Int(ProcessInfo.processInfo.environment["KEY_RESOLVER_CONCURRENCY"] ?? "") ?? 16
            let owners = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<count { group.addTask { try await resolver.resolve(keyID: keyID, refresh: false).ownerIRI } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(owners.count == count)
            #expect(await log.count(path: "/slow") == 1)
        }
    }

    @Test("key ids that are not http(s) URLs are invalid without a request")
    func badKeyIDs() async {
        for keyID in ["acct:cart@example.com", "not a url", "ftp://127.0.0.1/key"] {
            let error = await failure(of: resolver(), keyID)
            guard case .invalid? = error else { Issue.record("\(keyID): expected invalid, got \(String(describing: error))"); continue }
        }
    }

    private func failure(of resolver: HTTPKeyResolver, _ keyID: String) async -> KeyResolutionError? {
        do {
            _ = try await resolver.resolve(keyID: keyID, refresh: false)
            return nil
        } catch {
            return error
        }
    }
}
