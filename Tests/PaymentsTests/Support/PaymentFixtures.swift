import Commerce
import Foundation
import Payments
import TestSupport
import Transport

/// Requests shared by the payment suites.
enum PaymentFixtures {
    /// `minor` euro cents for the fake's merchant; webhooks go to `webhookURL` (default: the fake's sink).
    static func request(_ fake: FakeSumUp, minor: Int64 = 1999, reference: String = UUID().uuidString.lowercased(),
                        webhookURL: String? = nil) throws -> CheckoutRequest {
        CheckoutRequest(reference: reference, amount: Money(minor, try SumUpAmount.currency(code: "EUR")),
                        merchantCode: fake.merchantCode, description: "Order 7 at the test shop", webhookURL: webhookURL ?? fake.webhookSink,
                        redirectURL: "http://127.0.0.1:8080/orders/\(UUID().uuidString.lowercased())/return",
                        validUntil: Date().addingTimeInterval(900))
    }
}

/// Runs `body` with a guarded transport allowed to reach loopback, shut down afterwards.
func withLoopbackTransport<Result: Sendable>(_ body: (GuardedTransport) async throws -> Result) async throws -> Result {
    let transport = GuardedTransport(allowPrivateNetworks: true, logger: .init(label: "payments-test"))
    do {
        let result = try await body(transport)
        await transport.shutdown()
        return result
    } catch {
        await transport.shutdown()
        throw error
    }
}
