import Foundation
import Logging
import TestSupport
import Testing
import Transport

@Suite("Guarded transport refuses before connecting")
struct TransportRefusalTests {
    static let strict = GuardedTransport(allowPrivateNetworks: false, logger: Logger(label: "test"))

    /// The reason `url` is refused, or `nil` if it was sent.
    private func refusal(_ url: String, via transport: GuardedTransport = strict) async throws -> TransportError.Reason? {
        let target = try #require(URL(string: url))
        do {
            _ = try await transport.send(OutboundRequest(url: target))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("private and special addresses are refused and named", arguments: [
        ("http://127.0.0.1:PORT/", "127.0.0.1", "127.0.0.1"),
        ("http://10.0.0.1/", "10.0.0.1", "10.0.0.1"),
        ("http://100.64.0.1/", "100.64.0.1", "100.64.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "169.254.169.254"),
        ("http://[::1]:PORT/", "::1", "::1"),
        ("http://[::ffff:127.0.0.1]:PORT/", "::ffff:127.0.0.1", "::ffff:127.0.0.1"),
        ("http://[fd00::1]/", "fd00::1", "fd00::1"),
    ])
    func refusesAddress(_ template: String, host: String, address: String) async throws {
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return .text("reached")
        }) { server in
            let reason = try await refusal(template.replacingOccurrences(of: "PORT", with: "\(server.port)"))
            #expect(reason == .refusedAddress(host: host, address: address))
        }
        #expect(await log.requests.isEmpty)
    }

    @Test("a name that resolves to loopback is refused")
    func refusesLocalhost() async throws {
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return .text("reached")
        }) { server in
            let reason = try await refusal("http://localhost:\(server.port)/")
            guard case .refusedAddress(let host, let address)? = reason else {
                Issue.record("expected refusedAddress, got \(String(describing: reason))")
                return
            }
            #expect(host == "localhost")
            #expect(address == "127.0.0.1" || address == "::1")
        }
        #expect(await log.requests.isEmpty)
    }

    @Test("decimal, hex and short numeric hosts are refused as invalid", arguments: [
        "http://2130706433/", "http://0x7f000001/", "http://127.1/", "http://0x7f.0.0.1/", "http://0177.0.0.1/",
    ])
    func refusesNumericHosts(_ url: String) async throws {
        #expect(try await refusal(url) == .invalidURL)
    }

    @Test("ftp and other schemes are refused", arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/"])
    func refusesSchemes(_ url: String) async throws {
        #expect(try await refusal(url) == .unsupportedScheme)
    }

    @Test("refusals are not transient")
    func refusalsAreFinal() {
        #expect(!TransportError(.refusedAddress(host: "a", address: "10.0.0.1"), url: "http://a/").isTransient)
        #expect(TransportError(.timedOut, url: "http://a/").isTransient)
    }
}
