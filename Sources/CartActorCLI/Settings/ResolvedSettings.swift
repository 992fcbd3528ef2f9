import Foundation

/// The settings after flags, environment and the mode's defaults have been merged (contract §2's
/// table). Validation for `serve` happens in `AppConfiguration.validateForServe()`.
struct ResolvedSettings {
    enum Mode { case demo, serve }

    var mode: Mode
    var baseURL: String?
    var bindHost: String
    var bindPort: Int
    var databaseURL: String?
    var keysDirectory: String?
    var secret: String?
    var dataKey: String?
    var calendarPeers: [String]
    var marketPeers: [String]
    var siblingOrigins: [String]
    var allowPrivateNetworks: Bool
    var sumupAPIBase: String
    var sumupAPIKey: String?
    var sumupMerchantCode: String?
    var accountKeyPEM: String?
    var accountIssuer: String?
    var accountLoginURL: String?
    var holdMinutes: Int
    var admins: [String]
    var metricsToken: String?

    /// Merges `options` over `env` over the defaults of `mode`.
    init(_ options: ServiceOptions, env: Environment, mode: Mode) throws(SettingsError) {
        self.mode = mode
        let bind = options.bind ?? env["CART_BIND"] ?? "127.0.0.1:8080"
        (bindHost, bindPort) = try Self.parseBind(bind)
        baseURL = options.baseURL ?? env["CART_BASE_URL"]
        databaseURL = options.database.database ?? env["CART_DATABASE_URL"]
        keysDirectory = options.keysDirectory ?? env["CART_KEYS_DIR"]
        secret = options.secret ?? env["CART_SECRET"]
        dataKey = options.dataKey ?? env["CART_DATA_KEY"]
        calendarPeers = Self.list(options.calendarPeers ?? env["CART_CALENDAR_PEERS"])
        marketPeers = Self.list(options.marketPeers ?? env["CART_MARKET_PEERS"])
        siblingOrigins = Self.list(options.siblingOrigins ?? env["CART_SIBLING_ORIGINS"])
        if let flag = options.allowPrivateNetworks {
            allowPrivateNetworks = flag
        } else {
            allowPrivateNetworks = try env.flag("CART_ALLOW_PRIVATE_NETWORKS") ?? (mode == .demo)
        }
        sumupAPIBase = options.sumupAPIBase ?? env["SUMUP_API_BASE"] ?? "https://api.sumup.com"
        sumupAPIKey = options.sumupAPIKey ?? env["SUMUP_API_KEY"]
        sumupMerchantCode = options.sumupMerchantCode ?? env["SUMUP_MERCHANT_CODE"]
        accountKeyPEM = try Self.pemOrFile(options.accountKey ?? env["CART_ACCOUNT_KEY"])
        accountIssuer = options.accountIssuer ?? env["CART_ACCOUNT_ISSUER"]
        accountLoginURL = options.accountLoginURL ?? env["CART_ACCOUNT_LOGIN_URL"]
        if let minutes = options.holdMinutes {
            holdMinutes = minutes
        } else if let raw = env["CART_HOLD_MINUTES"] {
            guard let minutes = Int(raw) else { throw .invalid("CART_HOLD_MINUTES", "'\(raw)' is not a whole number of minutes") }
            holdMinutes = minutes
        } else {
            holdMinutes = 15
        }
        guard (1...1440).contains(holdMinutes) else { throw .invalid("CART_HOLD_MINUTES", "must be 1-1440 minutes") }
        admins = Self.list(options.admins ?? env["CART_ADMINS"])
        metricsToken = options.metricsToken ?? env["CART_METRICS_TOKEN"]
    }

    static func parseBind(_ bind: String) throws(SettingsError) -> (String, Int) {
        guard let colon = bind.lastIndex(of: ":"), let port = Int(bind[bind.index(after: colon)...]),
              (0...65535).contains(port) else {
            throw .invalid("CART_BIND", "'\(bind)' is not host:port")
        }
        var host = String(bind[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .invalid("CART_BIND", "'\(bind)' has no host") }
        return (host, port)
    }

    static func list(_ raw: String?) -> [String] {
        (raw ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// PEM text as given, or the contents of the file it names.
    static func pemOrFile(_ raw: String?) throws(SettingsError) -> String? {
        guard let raw else { return nil }
        if raw.contains("-----BEGIN") { return raw }
        guard let text = try? String(contentsOfFile: raw, encoding: .utf8) else {
            throw .invalid("CART_ACCOUNT_KEY", "neither PEM text nor a readable file: \(raw)")
        }
        return text
    }
}
