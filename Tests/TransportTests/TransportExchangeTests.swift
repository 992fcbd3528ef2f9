import Foundation
import Logging
import TestSupport
import Testing
import Transport

@Suite("Guarded transport over loopback")
struct TransportExchangeTests {
    /// Loopback allowed, every other special range refused: the policy redirect tests need.
    static let loopbackOnly = GuardedTransport(
        policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
        logger: Logger(label: "test"))

    /// Answers `/r/N` with a redirect to `/r/N-1`, `/r/0` and `/hello` with text, `/echo` by echoing.
    static func routes(_ request: ServerRequest) -> ServerResponse {
        if request.path.hasPrefix("/r/"), let n = Int(request.path.dropFirst(3)) {
            return n == 0 ? .text("arrived") : .redirect(to: "/r/\(n - 1)")
        }
        switch request.path {
        case "/hello": return .text("hello")
        case "/echo":
            return ServerResponse(status: 201, headers: [("X-Seen", request.header("X-Test") ?? "none"),
                                                         ("X-Method", request.method)], body: request.body)
        case "/to-private": return .redirect(to: "http://10.0.0.1/")
        case "/big": return ServerResponse(body: [UInt8](repeating: 0x61, count: (1 << 20) + 1))
        default: return .text("not found", status: 404)
        }
    }

    private func run(_ body: (LoopbackServer, RequestLog) async throws -> Void) async throws {
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return Self.routes(request)
        }) { server in try await body(server, log) }
    }

    private func reason(of request: OutboundRequest, via transport: GuardedTransport = loopbackOnly) async -> TransportError.Reason? {
        do {
            _ = try await transport.send(request)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("GET round trip")
    func getRoundTrip() async throws {
        try await run { server, _ in
            let response = try await Self.loopbackOnly.send(OutboundRequest(url: server.url("/hello")))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello")
            #expect(response.header("content-type") == "text/plain")
        }
    }

    @Test("POST carries headers and body both ways")
    func postRoundTrip() async throws {
        try await run { server, log in
            let payload = Array(#"{"type":"Create"}"#.utf8)
            let response = try await Self.loopbackOnly.send(OutboundRequest(
                method: "POST", url: server.url("/echo"),
                headers: [("X-Test", "42"), ("Content-Type", "application/activity+json")], body: payload))
            #expect(response.status == 201)
            #expect(response.body == payload)
            #expect(response.header("X-Seen") == "42")
            #expect(response.header("x-method") == "POST")
            let seen = try #require(await log.requests.first)
            #expect(seen.header("content-type") == "application/activity+json")
        }
    }

    @Test("the switch on reaches loopback by name")
    func switchOnReachesLocalhost() async throws {
        let open = GuardedTransport(allowPrivateNetworks: true, logger: Logger(label: "test"))
        try await run { server, _ in
            let url = try #require(URL(string: "http://localhost:\(server.port)/hello"))
            let response = try await open.send(OutboundRequest(url: url))
            #expect(response.status == 200)
        }
        await open.shutdown()
    }

    @Test("three redirects are followed, a fourth is refused")
    func redirectLimit() async throws {
        try await run { server, log in
            let followed = try await Self.loopbackOnly.send(OutboundRequest(url: server.url("/r/3")))
            #expect(followed.status == 200)
            #expect(followed.url.path == "/r/0")
            #expect(await reason(of: OutboundRequest(url: server.url("/r/4"))) == .tooManyRedirects)
            #expect(await log.count(path: "/r/4") == 1)
            #expect(await log.count(path: "/r/0") == 1, "only the first chain arrived")
        }
    }

    @Test("a redirect into 10/8 is refused before connecting")
    func redirectToPrivateRefused() async throws {
        try await run { server, _ in
            let reason = await reason(of: OutboundRequest(url: server.url("/to-private")))
            #expect(reason == .refusedAddress(host: "10.0.0.1", address: "10.0.0.1"))
        }
    }

    @Test("a redirect to another origin drops credentials but keeps other headers")
    func crossOriginRedirectDropsCredentials() async throws {
        let landing = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await landing.record(request)
            return .text("landed")
        }) { other in
            let target = other.url("/landing").absoluteString
            try await LoopbackServer.run(handler: { _ in .redirect(to: target) }) { first in
                let response = try await Self.loopbackOnly.send(OutboundRequest(
                    url: first.url("/start"),
                    headers: [("Authorization", "Bearer secret"), ("Cookie", "s=1"), ("Accept", "text/plain")]))
                #expect(response.status == 200)
                #expect(response.url.absoluteString == target)
            }
        }
        let seen = try #require(await landing.requests.first)
        #expect(seen.header("authorization") == nil)
        #expect(seen.header("cookie") == nil)
        #expect(seen.header("accept") == "text/plain")
    }

    @Test("a POST redirect is returned, not followed")
    func postRedirectReturned() async throws {
        try await run { server, log in
            let response = try await Self.loopbackOnly.send(OutboundRequest(method: "POST", url: server.url("/r/1"), body: [1]))
            #expect(response.status == 302)
            #expect(await log.count(path: "/r/0") == 0)
        }
    }

    @Test("a body over the cap is refused")
    func bodyOverCap() async throws {
        try await run { server, _ in
            #expect(await reason(of: OutboundRequest(url: server.url("/big"))) == .responseTooLarge(limit: 1 << 20))
            let small = OutboundRequest(url: server.url("/hello"), maxResponseBytes: 3)
            #expect(await reason(of: small) == .responseTooLarge(limit: 3))
        }
    }

    @Test("a server that never answers times out")
    func silentServerTimesOut() async throws {
        let silent = try #require(SilentServer())
        let quick = GuardedTransport(
            policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
            logger: Logger(label: "test"), connectTimeout: .milliseconds(300), totalTimeout: .milliseconds(700))
        let url = try #require(URL(string: "http://127.0.0.1:\(silent.port)/"))
        let started = ContinuousClock.now
        let reason = await reason(of: OutboundRequest(url: url), via: quick)
        #expect(reason == .timedOut)
        // Not a speed test: the bound only shows the configured 0.7 s deadline applied rather than
        // the 15 s default, with room for a loaded 2-core CI machine.
        #expect(ContinuousClock.now - started < .seconds(12))
        await quick.shutdown()
    }

    /// AHC retries a refused connection until the connect timeout, so a short one keeps this quick.
    @Test("a closed port is a transient error")
    func closedPortIsTransient() async throws {
        let port = try await LoopbackServer.run(handler: { _ in .text("") }) { $0.port }
        let quick = GuardedTransport(
            policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
            logger: Logger(label: "test"), connectTimeout: .milliseconds(300))
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        do {
            _ = try await quick.send(OutboundRequest(url: url))
            Issue.record("expected a failure")
        } catch {
            #expect(error.isTransient)
            switch error.reason {
            case .network, .connectTimeout: break
            default: Issue.record("expected network or connectTimeout, got \(error.reason)")
            }
        }
        await quick.shutdown()
    }
}
