import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TestSupport

/// Runs the app against a fresh `FakeSumUp`: demo mode with a SumUp key, so checkouts go through
/// the real `SumUpProvider` over loopback. Webhooks are lost (the app is not listening on a
/// socket in router tests): tests post them themselves.
enum OrderTestApp {
    /// A demo configuration paying through `fake`, with a short coalescing window.
    static func configuration(_ fake: FakeSumUp, _ mode: AppConfiguration.Mode = .demo) -> AppConfiguration {
        var configuration = TestApp.configuration(mode)
        configuration.sumupAPIKey = fake.apiKey
        configuration.sumupMerchantCode = fake.merchantCode
        configuration.sumupAPIBase = fake.apiBase
        configuration.limits.paymentCoalesceSeconds = 0.05
        // Tests read the order right after the return page; on a loaded CI machine the
        // reconcile can outlast the 3 s a browser gets (the page's refresh covers that there).
        configuration.limits.paymentReturnWaitSeconds = 60
        return configuration
    }

    /// Runs `body` with the fake and a router-level client of the app paying through it.
    static func run(_ backend: Backend, configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
                    _ body: @escaping @Sendable (any TestClientProtocol, FakeSumUp) async throws -> Void) async throws {
        try await FakeSumUp.run { fake in
            await fake.loseWebhooks()
            var configuration = configuration(fake)
            configure(&configuration)
            try await TestApp.run(backend, configuration) { client in try await body(client, fake) }
            #expect(await fake.violations().isEmpty)
        }
    }
}

extension Browser {
    /// Adds oat milk and checks the demo page out; returns the checkout's answer.
    @discardableResult
    mutating func addAndCheckOut() async throws -> TestResponse {
        try await addOatMilk("2")
        try await refreshToken()
        return try await post("/pages/\(DemoIRIs.pageSlug)/checkout")
    }

    /// The first order id linked from `/orders`.
    mutating func firstOrderID() async throws -> String? {
        let html = try await get("/orders").text
        guard let range = html.range(of: "href=\"/orders/") else { return nil }
        return String(html[range.upperBound...].prefix(36))
    }
}

extension TestResponse {
    /// The checkout id at the end of a hosted-page `Location` (`…/pay/{id}`).
    var hostedCheckoutID: String? {
        guard let location, let range = location.range(of: "/pay/", options: .backwards) else { return nil }
        return String(location[range.upperBound...])
    }
}
