import Commerce
import Foundation
import Logging
import Payments
import Transport

/// A fake SumUp Checkouts API on 127.0.0.1 for tests: validates every request body against
/// SumUp's OpenAPI description, answers like SumUp, has a hosted page `/pay/{id}`, posts
/// `CHECKOUT_STATUS_CHANGED` webhooks to `return_url`, and has knobs for failures and races.
public struct FakeSumUp: Sendable {
    /// The port it listens on.
    public let port: Int
    /// The API key it accepts (`Authorization: Bearer …`).
    public let apiKey: String
    /// The one merchant it knows.
    public let merchantCode: String
    let state: FakeSumUpState
    let webhookTransport: GuardedTransport
    /// The loopback address it listens on.
    public var host: String = "127.0.0.1"

    /// `http://HOST:PORT`: pass it as `SUMUP_API_BASE` / `SumUpProvider(apiBase:)`.
    public var apiBase: String { "http://\(host):\(port)" }
    /// Credentials the fake accepts.
    public var credentials: PaymentCredentials { PaymentCredentials(apiKey: apiKey, merchantCode: merchantCode) }

    /// Runs a fake while `body` runs, then stops it.
    public static func run<Result: Sendable>(
        apiKey: String = TestSecrets.apiKey(), merchantCode: String = "MFAKE001",
        host: String = "127.0.0.1", port: Int = 0,
        _ body: (FakeSumUp) async throws -> Result
    ) async throws -> Result {
        let validator = SchemaValidator(document: try OpenAPIDocument.shared())
        let state = FakeSumUpState()
        var logger = Logger(label: "fake-sumup-webhooks")
        logger.logLevel = .critical
        // A short connect timeout: a webhook to a closed port must not stall the test for seconds.
        let transport = GuardedTransport(allowPrivateNetworks: true, logger: logger, connectTimeout: .seconds(1),
                                         totalTimeout: .seconds(10))
        let box = FakeSumUpBox()
        do {
            let result = try await LoopbackServer.run(host: host, port: port, handler: { request in
                guard let fake = await box.fake else { return .text("starting", status: 503) }
                await state.began()
                let answer = await FakeSumUpRoutes(fake: fake, validator: validator).answer(request)
                await state.ended()
                return answer
            }) { server in
                let fake = FakeSumUp(port: server.port, apiKey: apiKey, merchantCode: merchantCode,
                                     state: state, webhookTransport: transport, host: host)
                await state.setHostedBase(fake.apiBase)
                await box.set(fake)
                do {
                    let result = try await body(fake)
                    await fake.settle()
                    return result
                } catch {
                    await fake.settle()
                    throw error
                }
            }
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// A provider speaking to this fake through the fake's guarded loopback transport (shut down
    /// when `run` ends, so do not keep the provider beyond it).
    public func provider(logger: Logger = Logger(label: "sumup-test"), timeout: Duration = .seconds(5)) -> SumUpProvider {
        SumUpProvider(transport: webhookTransport, apiBase: apiBase, logger: logger, timeout: timeout)
    }

    /// The fake's loopback transport (webhooks, providers, tests' own requests); lives as long as `run`.
    public var transport: any HTTPTransport { webhookTransport }

    /// Waits (at most 10 s) until no request is being answered, e.g. one a test gave up on.
    func settle() async {
        for _ in 0..<1000 {
            guard await state.inFlight > 0 else { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// A `return_url` that accepts webhooks and does nothing (for tests that do not watch them).
    public var webhookSink: String { "\(apiBase)/sink" }

    /// The hosted page of a checkout (`GET` shows Pay and Decline; `POST` pays).
    public func hostedPageURL(_ checkoutID: String) -> String { "\(apiBase)/pay/\(checkoutID)" }
}

/// Holds the fake once its port is known (the handler is built before the server starts).
actor FakeSumUpBox {
    var fake: FakeSumUp?
    func set(_ fake: FakeSumUp) { self.fake = fake }
}
