import Server

extension ResolvedSettings {
    /// The server's configuration for these settings.
    func appConfiguration() -> AppConfiguration {
        var config = AppConfiguration(mode: mode == .demo ? .demo : .serve)
        config.baseURL = baseURL
        config.bindHost = bindHost
        config.bindPort = bindPort
        config.databaseURL = databaseURL
        config.keysDirectory = keysDirectory
        config.secret = secret
        config.dataKey = dataKey
        config.calendarPeers = calendarPeers
        config.marketPeers = marketPeers
        config.siblingOrigins = siblingOrigins
        config.allowPrivateNetworks = allowPrivateNetworks
        config.sumupAPIBase = sumupAPIBase
        config.sumupAPIKey = sumupAPIKey
        config.sumupMerchantCode = sumupMerchantCode
        config.accountKey = accountKeyPEM
        config.accountIssuer = accountIssuer
        config.accountLoginURL = accountLoginURL
        config.holdMinutes = holdMinutes
        config.admins = admins
        config.metricsToken = metricsToken
        return config
    }
}
