import ActorIdentity
import Commerce
import Logging
import Payments
import ServiceLifecycle
import Storage
import Transport

/// The payment side of the app, chosen from the configuration (contract §2): in demo the sandbox
/// unless `SUMUP_API_KEY` is set; otherwise SumUp's Checkouts API at `SUMUP_API_BASE` through the
/// guarded transport, with each page's sealed key (opened with `CART_DATA_KEY`) or the global
/// `SUMUP_API_KEY`/`SUMUP_MERCHANT_CODE`. The server, its sweeper and the CLI share one setup.
public struct PaymentSetup: Sendable {
    /// The order service over the chosen provider; share it so reconciles of one order coalesce.
    public let orders: OrderService
    /// Demo without `SUMUP_API_KEY`: the sandbox, whose pages the router adds.
    let sandbox: SandboxProvider?
    /// The outbound transport to SumUp, closed by `shutdown()`.
    private let transport: GuardedTransport?

    /// Builds the provider, credential source and order service for `configuration`. Refuses
    /// (`ConfigurationError`) a malformed `CART_DATA_KEY`, and serve without one while a page stores a sealed key.
    public static func make(configuration: AppConfiguration, database: Database, logger: Logger,
                            clock: any WallClock = SystemWallClock()) async throws -> PaymentSetup {
        let store = SQLCommerceStore(database: database)
        var settings = OrderSettings(holdMinutes: configuration.holdMinutes, baseURL: configuration.baseURL ?? "")
        settings.coalesceWindow = .milliseconds(Int(configuration.limits.paymentCoalesceSeconds * 1000))
        if configuration.mode == .demo && configuration.sumupAPIKey == nil {
            let sandbox = SandboxProvider(database: database, baseURL: settings.baseURL, clock: clock)
            let orders = OrderService(store: store, provider: sandbox, credentials: FixedCredentialSource(credentials: SandboxProvider.credentials),
                                      settings: settings, clock: clock)
            return PaymentSetup(orders: orders, sandbox: sandbox, transport: nil)
        }
        let dataKey: SecretBox?
        do {
            dataKey = try configuration.dataKey.map { try SecretBox(dataKey: $0) }
        } catch {
            throw ConfigurationError(problems: ["CART_DATA_KEY: \(error)"])
        }
        let fallback = configuration.sumupAPIKey.flatMap { key in
            configuration.sumupMerchantCode.map { PaymentCredentials(apiKey: key, merchantCode: $0) }
        }
        let keys = SQLPageKeyStore(database: database)
        if dataKey == nil, configuration.mode == .serve {
            let sealed = try await keys.lastFours().keys.sorted()
            if !sealed.isEmpty {
                throw ConfigurationError(problems: ["CART_DATA_KEY: pages \(sealed.joined(separator: ", ")) store a sealed SumUp key; set CART_DATA_KEY to the key they were stored with"])
            }
        }
        let credentials = SealedCredentialSource(sealedKey: { page in try await keys.key(slug: page.slug)?.sealed },
                                                 dataKey: dataKey, fallback: fallback)
        let transport = GuardedTransport(allowPrivateNetworks: configuration.allowPrivateNetworks, logger: logger)
        let provider = SumUpProvider(transport: transport, apiBase: configuration.sumupAPIBase, logger: logger)
        let orders = OrderService(store: store, provider: provider, credentials: credentials, settings: settings, clock: clock)
        return PaymentSetup(orders: orders, sandbox: nil, transport: transport)
    }

    /// Closes the transport to SumUp (once, at stop).
    public func shutdown() async {
        await transport?.shutdown()
    }
}

/// Closes the payment transport when the app shuts down gracefully.
struct PaymentShutdownService: Service {
    let payments: PaymentSetup

    func run() async throws {
        try? await gracefulShutdown()
        await payments.shutdown()
    }
}

extension PaymentSetup {
    /// The app's payment services: the sweeper, and the transport's closer.
    func services(configuration: AppConfiguration, logger: Logger) -> [any Service] {
        [PaymentSweeperService(orders: orders, interval: configuration.limits.paymentSweepIntervalSeconds, logger: logger),
         PaymentShutdownService(payments: self)]
    }
}
