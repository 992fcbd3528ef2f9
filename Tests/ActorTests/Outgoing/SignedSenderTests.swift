import ActorIdentity
import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
import Transport

@Suite("Signed sender double-knocks over loopback")
struct SignedSenderTests {
    /// Which scheme a request carries: RFC 9421 has `Signature-Input`, cavage `Signature: keyId=`.
    static func scheme(of request: ServerRequest) -> SignatureScheme? {
        if request.header("signature-input") != nil, request.header("signature") != nil { return .rfc9421 }
        if request.header("signature")?.contains("keyId=") == true { return .cavage }
        return nil
    }

    /// A server that answers 202 only to `accepted`, else `rejection`.
    private func run(
        accepting accepted: SignatureScheme?, rejection: Int = 401,
        _ body: (LoopbackServer, RequestLog) async throws -> Void
    ) async throws {
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return Self.scheme(of: request) == accepted && accepted != nil
                ? .text("accepted", status: 202) : .text("bad signature", status: rejection)
        }) { server in try await body(server, log) }
    }

    private func sender(_ memory: MemorySchemeMemory, keyID: String = "http://127.0.0.1/actor#main-key") throws -> SignedSender {
        let key = TestKeys.rsa
        return SignedSender(
            transport: ResolverTransports.loopbackOnly, memory: memory,
            keyID: { keyID }, key: { key })
    }

    private func post(_ server: LoopbackServer) -> OutboundRequest {
        OutboundRequest(method: "POST", url: server.url("/inbox"),
                        headers: [("Content-Type", "application/activity+json")], body: Array(#"{"type":"Follow"}"#.utf8))
    }

    @Test("a server taking only RFC 9421 gets a second knock, and the scheme is remembered")
    func secondKnockThenMemory() async throws {
        try await run(accepting: .rfc9421) { server, log in
            let memory = MemorySchemeMemory()
            let sender = try sender(memory)
            let first = try await sender.send(post(server))
            #expect(first.status == 202)
            let schemes = await log.requests.map(Self.scheme(of:))
            #expect(schemes == [.cavage, .rfc9421])
            let origin = "http://127.0.0.1:\(server.port)"
            #expect(await memory.schemes[origin] == "rfc9421")

            let second = try await sender.send(post(server))
            #expect(second.status == 202)
            #expect(await log.requests.count == 3, "the remembered scheme knocks first")
            #expect(await memory.writes == 1, "nothing new to remember")
        }
    }

    @Test("a remembered scheme that stopped working is replaced")
    func rememberedSchemeReplaced() async throws {
        try await run(accepting: .cavage, rejection: 400) { server, log in
            let origin = "http://127.0.0.1:\(server.port)"
            let memory = MemorySchemeMemory([origin: "rfc9421"])
            let response = try await sender(memory).send(post(server))
            #expect(response.status == 202)
            #expect(await log.requests.map(Self.scheme(of:)) == [.rfc9421, .cavage])
            #expect(await memory.schemes[origin] == "cavage")
            let seen = try #require(await log.requests.last)
            #expect(seen.header("digest")?.hasPrefix("SHA-256=") == true)
            #expect(seen.header("date") != nil)
        }
    }

    @Test("two refusals return the second answer and remember nothing")
    func bothRefused() async throws {
        try await run(accepting: nil) { server, log in
            let memory = MemorySchemeMemory()
            let response = try await sender(memory).send(post(server))
            #expect(response.status == 401)
            #expect(await log.requests.count == 2)
            #expect(await memory.writes == 0)
        }
    }

    @Test("a 403 is not knocked again")
    func forbiddenNotRetried() async throws {
        try await run(accepting: nil, rejection: 403) { server, log in
            let response = try await sender(MemorySchemeMemory()).send(post(server))
            #expect(response.status == 403)
            #expect(await log.requests.count == 1)
        }
    }

    @Test("the key id is read at send time")
    func keyReadAtSendTime() async throws {
        try await run(accepting: .cavage) { server, log in
            let current = KeyIDBox("http://127.0.0.1/actor#key-1")
            let key = TestKeys.rsa
            let sender = SignedSender(transport: ResolverTransports.loopbackOnly, memory: MemorySchemeMemory(),
                                      keyID: { current.value }, key: { key })
            _ = try await sender.send(post(server))
            current.value = "http://127.0.0.1/actor#key-2"
            _ = try await sender.send(post(server))
            let ids = await log.requests.compactMap { $0.header("signature") }
            #expect(ids.count == 2)
            #expect(ids.first?.contains("key-1") == true)
            #expect(ids.last?.contains("key-2") == true)
        }
    }

    @Test("a signed key fetch reaches a server that refuses unsigned GETs")
    func resolverThroughSignedSender() async throws {
        try await LoopbackServer.run(handler: { request in
            guard Self.scheme(of: request) != nil else { return .text("sign your fetches", status: 401) }
            let origin = ActorDocuments.origin(of: request)
            let pem = (try? TestKeys.rsa2.publicKey.pem()) ?? ""
            return .activityJSON(ActorDocuments.actor(origin: origin, pem: pem))
        }) { server in
            let resolver = HTTPKeyResolver(transport: try sender(MemorySchemeMemory()), cache: MemoryKeyCache(),
                                           logger: Logger(label: "test"))
            let resolved = try await resolver.resolve(keyID: server.url("/actor").absoluteString + "#main-key", refresh: false)
            #expect(resolved.key == (TestKeys.rsa2.publicKey))
        }
    }
}

/// A mutable key id shared with the sender's closure.
final class KeyIDBox: Sendable {
    private let stored: Mutex<String>
    init(_ value: String) { stored = Mutex(value) }
    var value: String {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
