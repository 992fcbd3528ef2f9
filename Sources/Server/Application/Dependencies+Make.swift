import ActorIdentity
import Commerce
import Storage

extension Dependencies {
    /// Builds the shared parts from a checked configuration.
    static func make(configuration: AppConfiguration, base: BaseOrigin, secret: String, database: Database,
                     carts: CartService, catalog: CatalogService, orders: OrderService,
                     clock: any WallClock) throws -> Dependencies {
        let secrets = SessionSecrets(secret: secret)
        let siblings = Set(configuration.siblingOrigins.compactMap { BaseOrigin($0)?.origin })
        let sessionStore = SQLSessionStore(database: database)
        let sessions = SessionManager(store: sessionStore, secrets: secrets, secureCookies: base.isHTTPS,
                                      creationLimiter: RateLimiter(configuration.limits.sessionCreation),
                                      idleSeconds: configuration.limits.sessionIdleSeconds, clock: clock,
                                      cache: SessionCache(ttl: configuration.limits.sessionCacheSeconds))
        var login: LoginTokenVerifier?
        if let pem = configuration.accountKey, let issuer = configuration.accountIssuer, configuration.accountLoginURL != nil {
            let key: VerificationKey
            do {
                key = try VerificationKey(pem: pem)
            } catch {
                throw ConfigurationError(problems: ["CART_ACCOUNT_KEY is not a PEM public key (RSA or Ed25519): \(error)"])
            }
            login = LoginTokenVerifier(key: key, issuer: issuer, audience: configuration.baseURL ?? base.origin)
        }
        return Dependencies(
            configuration: configuration, base: base, siblings: siblings, secrets: secrets,
            carts: carts, catalog: catalog, orders: orders, sessions: sessions, sessionStore: sessionStore,
            views: try Views(), csrf: CSRFGuard(base: base, siblings: siblings, secrets: secrets),
            login: login, loginLimiter: RateLimiter(configuration.limits.loginCallback), clock: clock, database: database)
    }
}
