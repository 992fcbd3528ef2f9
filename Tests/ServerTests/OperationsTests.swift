import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Health and metrics")
struct OperationsTests {
    @Test(arguments: Backend.available)
    func healthzAnswersOK(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            let response = try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
        }
    }

    @Test
    func metricsFromLoopbackAllowed() async throws {
        try await TestApp.run(.sqlite, setup: .live) { client in
            _ = try await client.executeRequest(uri: "/cart", method: .get, headers: [:], body: nil)
            let response = try await client.executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("hb_requests"))
        }
    }

    @Test
    func metricsRefusedToUnknownClientWithoutToken() async throws {
        try await TestApp.run(.sqlite) { client in
            // In-process requests have no peer address: not loopback.
            let response = try await client.executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
            #expect(response.status == .notFound)
        }
    }

    @Test
    func metricsNeedTheRightToken() async throws {
        var configuration = TestApp.configuration()
        configuration.metricsToken = "metrics-token-0123456789"
        try await TestApp.run(.sqlite, configuration) { client in
            let none = try await client.executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
            #expect(none.status == .forbidden)
            let wrong = try await client.executeRequest(uri: "/metrics", method: .get,
                                                        headers: [.authorization: "Bearer nope"], body: nil)
            #expect(wrong.status == .forbidden)
            let right = try await client.executeRequest(uri: "/metrics", method: .get,
                                                        headers: [.authorization: "Bearer metrics-token-0123456789"], body: nil)
            #expect(right.status == .ok)
        }
    }
}
