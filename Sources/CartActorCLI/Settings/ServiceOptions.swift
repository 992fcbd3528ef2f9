import ArgumentParser

/// Every setting of contract §2 as a flag; each has an environment twin, read when the flag is absent.
struct ServiceOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: "Public origin; every IRI derives from it (env CART_BASE_URL)")
    var baseURL: String?
    @Option(name: .customLong("bind"), help: "Listen address host:port (env CART_BIND; default 127.0.0.1:8080)")
    var bind: String?
    @OptionGroup var database: DatabaseOption
    @Option(name: .customLong("keys-dir"), help: "Folder of the actor's private keys (env CART_KEYS_DIR)")
    var keysDirectory: String?
    @Option(name: .customLong("secret"), help: "Signs session cookies and cart handles, >= 32 bytes (env CART_SECRET)")
    var secret: String?
    @Option(name: .customLong("data-key"), help: "Encrypts stored secrets such as SumUp keys (env CART_DATA_KEY)")
    var dataKey: String?
    @Option(name: .customLong("calendar-peers"), help: "Comma-separated actor IRIs trusted as the calendar (env CART_CALENDAR_PEERS)")
    var calendarPeers: String?
    @Option(name: .customLong("market-peers"), help: "Comma-separated actor IRIs trusted as the market (env CART_MARKET_PEERS)")
    var marketPeers: String?
    @Option(name: .customLong("sibling-origins"), help: "Comma-separated origins of the site's other services (env CART_SIBLING_ORIGINS)")
    var siblingOrigins: String?
    @Flag(name: .customLong("allow-private-networks"), inversion: .prefixedNo,
          help: "Allow outbound requests to private addresses and an http base URL (env CART_ALLOW_PRIVATE_NETWORKS)")
    var allowPrivateNetworks: Bool?
    @Option(name: .customLong("sumup-api-base"), help: "SumUp's API origin (env SUMUP_API_BASE)")
    var sumupAPIBase: String?
    @Option(name: .customLong("sumup-api-key"), help: "SumUp key for pages without their own (env SUMUP_API_KEY)")
    var sumupAPIKey: String?
    @Option(name: .customLong("sumup-merchant-code"), help: "SumUp merchant for pages without their own (env SUMUP_MERCHANT_CODE)")
    var sumupMerchantCode: String?
    @Option(name: .customLong("account-key"), help: "Account service public key: PEM text or a file path (env CART_ACCOUNT_KEY)")
    var accountKey: String?
    @Option(name: .customLong("account-issuer"), help: "Account service token issuer (env CART_ACCOUNT_ISSUER)")
    var accountIssuer: String?
    @Option(name: .customLong("account-login-url"), help: "Account service login page (env CART_ACCOUNT_LOGIN_URL)")
    var accountLoginURL: String?
    @Option(name: .customLong("hold-minutes"), help: "How long an unpaid order holds its items (env CART_HOLD_MINUTES; default 15)")
    var holdMinutes: Int?
    @Option(name: .customLong("admins"), help: "Comma-separated user IRIs allowed into /admin (env CART_ADMINS)")
    var admins: String?
    @Option(name: .customLong("metrics-token"), help: "Bearer token for /metrics from non-loopback clients (env CART_METRICS_TOKEN)")
    var metricsToken: String?
}
