import Commerce

extension AppConfiguration {
    /// Checks what both modes need (a usable base URL, secret, database, sane numbers).
    public func validate() throws(ConfigurationError) {
        let problems = commonProblems()
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
    }

    /// Checks everything `serve` requires (contract §2); throws one line per problem.
    public func validateForServe() throws(ConfigurationError) {
        var problems = commonProblems()
        if keysDirectory?.isEmpty ?? true {
            problems.append("missing keys directory: set CART_KEYS_DIR (create keys with `cart-actor keys generate`)")
        }
        if let base = baseURL.flatMap(BaseOrigin.init), !base.isHTTPS, !allowPrivateNetworks {
            problems.append("CART_BASE_URL is http: use https, or set CART_ALLOW_PRIVATE_NETWORKS for tests and one-host setups")
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
    }

    /// The parsed base URL (after `validate`).
    var baseOrigin: BaseOrigin? { baseURL.flatMap(BaseOrigin.init) }

    /// Whether sign-in through the account service is configured.
    var hasAccountService: Bool { accountKey != nil && accountIssuer != nil && accountLoginURL != nil }

    private func commonProblems() -> [String] {
        var problems: [String] = []
        switch baseURL {
        case nil, "": problems.append("missing base URL: set CART_BASE_URL to the public origin, e.g. https://cart.example")
        case let text?:
            if BaseOrigin(text) == nil { problems.append("CART_BASE_URL must be an origin like https://cart.example, without a path (got \(text))") }
        }
        if databaseURL?.isEmpty ?? true {
            problems.append("missing database: set CART_DATABASE_URL to sqlite:PATH or postgres://user:pass@host:port/db")
        }
        switch secret {
        case nil, "": problems.append("missing secret: set CART_SECRET to at least 32 random bytes (e.g. `openssl rand -base64 48`)")
        case let secret?:
            if secret.utf8.count < 32 { problems.append("CART_SECRET is \(secret.utf8.count) bytes: use at least 32 random bytes") }
        }
        for origin in siblingOrigins where BaseOrigin(origin) == nil {
            problems.append("CART_SIBLING_ORIGINS: '\(origin)' is not an origin like https://market.example")
        }
        for (name, list) in [("CART_CALENDAR_PEERS", calendarPeers), ("CART_MARKET_PEERS", marketPeers), ("CART_ADMINS", admins)] {
            for value in list where IRI(value) == nil { problems.append("\(name): '\(value)' is not an http(s) IRI") }
        }
        let account = [accountKey, accountIssuer, accountLoginURL].compactMap { $0 }
        if !account.isEmpty && account.count != 3 {
            problems.append("sign-in needs all of CART_ACCOUNT_KEY, CART_ACCOUNT_ISSUER and CART_ACCOUNT_LOGIN_URL (or none)")
        }
        if let login = accountLoginURL, BaseOrigin.origin(of: login) == nil {
            problems.append("CART_ACCOUNT_LOGIN_URL must be an http(s) URL (got \(login))")
        }
        if !(1...1440).contains(holdMinutes) { problems.append("CART_HOLD_MINUTES must be 1-1440 (got \(holdMinutes))") }
        if !(0...65535).contains(bindPort) { problems.append("CART_BIND port must be 0-65535 (got \(bindPort))") }
        if (sumupAPIKey == nil) != (sumupMerchantCode == nil) {
            problems.append("SUMUP_API_KEY and SUMUP_MERCHANT_CODE go together: set both (or neither)")
        }
        if BaseOrigin.origin(of: sumupAPIBase) == nil { problems.append("SUMUP_API_BASE must be an http(s) URL (got \(sumupAPIBase))") }
        return problems
    }
}
