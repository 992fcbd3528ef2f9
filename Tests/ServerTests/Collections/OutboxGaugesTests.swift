import Foundation
import Hummingbird
import HummingbirdTesting
import Outbox
import Server
import Storage
import Testing
import TestSupport

/// The ledger gauges on `/metrics` (issue 5 item 7): queue depth for every state.
@Suite("Outbox gauges")
struct OutboxGaugesTests {
    @Test(arguments: Backend.available)
    func metricsShowQueueDepthByState(backend: Backend) async throws {
        var configuration = TestApp.configuration()
        configuration.metricsToken = "metrics-token-0123456789"
        try await TestApp.run(backend, configuration) { client in
            // The poller records at start; give it a moment on a loaded machine.
            var text = ""
            for _ in 0..<50 {
                let response = try await client.execute(uri: "/metrics", method: .get,
                                                        headers: [.authorization: "Bearer metrics-token-0123456789"])
                text = String(buffer: response.body)
                if text.contains("cart_outbox_queue_depth"), text.contains("cart_outbox_unavailable_hosts") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            for state in DeliveryState.allCases {
                #expect(text.contains(#"cart_outbox_queue_depth{state="\#(state.rawValue)"}"#), "\(state)")
            }
            #expect(text.contains("cart_outbox_unavailable_hosts"))
        }
    }
}
