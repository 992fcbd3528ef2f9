/// Every setting of the service (contract §2). The CLI fills it from flags and environment;
/// `buildApplication(configuration:)` turns it into a running app.
public struct AppConfiguration: Sendable {
    /// Which face the service shows.
    public enum Mode: String, Sendable {
        /// Embedded defaults, sample catalog, plain sign-in form, generated secrets.
        case demo
        /// Production: every setting explicit, nothing generated.
        case serve
    }

    /// Demo or serve.
    public var mode: Mode
    /// `CART_BASE_URL`: the public origin, e.g. `https://cart.example`.
    public var baseURL: String?
    /// Listen host (`CART_BIND` before the colon).
    public var bindHost: String
    /// Listen port (`CART_BIND` after the colon); 0 picks a free one.
    public var bindPort: Int
    /// `CART_DATABASE_URL`: `sqlite:PATH` or `postgres://…`.
    public var databaseURL: String?
    /// `CART_KEYS_DIR`: the actor's private keys.
    public var keysDirectory: String?
    /// `CART_SECRET`: signs session cookies, cart handles and CSRF tokens (≥ 32 bytes).
    public var secret: String?
    /// `CART_DATA_KEY`: encrypts stored secrets (SumUp keys).
    public var dataKey: String?
    /// `CART_CALENDAR_PEERS`: actor IRIs trusted as the calendar.
    public var calendarPeers: [String]
    /// `CART_MARKET_PEERS`: actor IRIs trusted as the market.
    public var marketPeers: [String]
    /// `CART_SIBLING_ORIGINS`: origins that may post add-to-cart forms and be `return_to` targets.
    public var siblingOrigins: [String]
    /// `CART_ALLOW_PRIVATE_NETWORKS`: allow loopback/private outbound requests and an http base URL.
    public var allowPrivateNetworks: Bool
    /// `SUMUP_API_BASE`.
    public var sumupAPIBase: String
    /// `SUMUP_API_KEY`: credentials for pages without their own.
    public var sumupAPIKey: String?
    /// `SUMUP_MERCHANT_CODE`.
    public var sumupMerchantCode: String?
    /// `CART_ACCOUNT_KEY`: the account service's public key, PEM text.
    public var accountKey: String?
    /// `CART_ACCOUNT_ISSUER`: the `iss` its login tokens carry.
    public var accountIssuer: String?
    /// `CART_ACCOUNT_LOGIN_URL`: where `/auth/login` sends the browser.
    public var accountLoginURL: String?
    /// `CART_HOLD_MINUTES`: how long an unpaid order holds its entries and tickets.
    public var holdMinutes: Int
    /// `CART_ADMINS`: user IRIs allowed into `/admin`.
    public var admins: [String]
    /// `CART_METRICS_TOKEN`: bearer token for `/metrics` from non-loopback clients.
    public var metricsToken: String?
    /// Per-client-address budgets and body caps (tests use small numbers).
    public var limits: Limits

    /// Per-client-address rate limits and request size caps.
    public struct Limits: Sendable {
        /// New browser sessions per client address.
        public var sessionCreation: RateLimit
        /// Login callbacks per client address.
        public var loginCallback: RateLimit
        /// Largest form body accepted (bytes); larger answers 413.
        public var formBodyBytes: Int
        /// Sessions idle this long are deleted (seconds).
        public var sessionIdleSeconds: Double
        /// How often housekeeping deletes idle carts and sessions (seconds).
        public var housekeepingIntervalSeconds: Double
        /// How long a resolved session is trusted without a database read (seconds); a logout
        /// on another instance sharing the database takes effect within this time. 0 disables.
        public var sessionCacheSeconds: Double
        /// `POST /webhooks/sumup` calls per client address (SumUp sends one per status change).
        public var webhook: RateLimit
        /// Largest webhook body accepted (bytes); SumUp's is ~100 bytes, larger answers 413.
        public var webhookBodyBytes: Int
        /// How often the payment sweeper looks for due attempts and expired holds (seconds).
        public var paymentSweepIntervalSeconds: Double
        /// Webhook and return-page reconciles this soon after the last provider read share one
        /// read at the end of the window (contract §6: 10 s; tests shorten it).
        public var paymentCoalesceSeconds: Double
        /// How long `GET /orders/{id}/return` waits for its reconcile before answering; a slower
        /// reconcile carries on and the order page's refresh shows its result.
        public var paymentReturnWaitSeconds: Double = 3
        /// `POST /inbox` activities per sender origin (benchmarks raise it).
        public var inboxPerOrigin = RateLimit(count: 3_000, perSeconds: 60)

        /// Defaults: 30 sessions and 10 login callbacks per minute per address, 16 KiB forms,
        /// sessions idle 30 days, housekeeping hourly, sessions cached 5 s, 120 webhooks per
        /// minute per address, 4 KiB webhook bodies, a payment sweep every 20 s, 10 s coalescing.
        public init(sessionCreation: RateLimit = RateLimit(count: 30, perSeconds: 60),
                    loginCallback: RateLimit = RateLimit(count: 10, perSeconds: 60),
                    formBodyBytes: Int = 16 * 1024,
                    sessionIdleSeconds: Double = 30 * 86_400,
                    housekeepingIntervalSeconds: Double = 3_600,
                    sessionCacheSeconds: Double = 5,
                    webhook: RateLimit = RateLimit(count: 120, perSeconds: 60),
                    webhookBodyBytes: Int = 4 * 1024,
                    paymentSweepIntervalSeconds: Double = 20,
                    paymentCoalesceSeconds: Double = 10) {
            self.sessionCreation = sessionCreation
            self.loginCallback = loginCallback
            self.formBodyBytes = formBodyBytes
            self.sessionIdleSeconds = sessionIdleSeconds
            self.housekeepingIntervalSeconds = housekeepingIntervalSeconds
            self.sessionCacheSeconds = sessionCacheSeconds
            self.webhook = webhook
            self.webhookBodyBytes = webhookBodyBytes
            self.paymentSweepIntervalSeconds = paymentSweepIntervalSeconds
            self.paymentCoalesceSeconds = paymentCoalesceSeconds
        }
    }

    /// A configuration with the contract's defaults for `mode` (demo fills base URL, bind and
    /// database; secrets and keys are the CLI's to generate or read).
    public init(mode: Mode) {
        self.mode = mode
        self.baseURL = mode == .demo ? "http://127.0.0.1:8080" : nil
        self.bindHost = "127.0.0.1"
        self.bindPort = 8080
        self.databaseURL = mode == .demo ? "sqlite:./.cart-demo/cart.sqlite" : nil
        self.keysDirectory = mode == .demo ? "./.cart-demo/keys" : nil
        self.secret = nil
        self.dataKey = nil
        self.calendarPeers = []
        self.marketPeers = []
        self.siblingOrigins = []
        self.allowPrivateNetworks = mode == .demo
        self.sumupAPIBase = "https://api.sumup.com"
        self.sumupAPIKey = nil
        self.sumupMerchantCode = nil
        self.accountKey = nil
        self.accountIssuer = nil
        self.accountLoginURL = nil
        self.holdMinutes = 15
        self.admins = []
        self.metricsToken = nil
        self.limits = Limits()
    }
}
