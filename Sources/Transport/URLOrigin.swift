import Foundation

/// The origin of a URL, `scheme://host[:port]`, lower-cased, default ports left out; used to
/// remember per-server facts and to compare the origins of IRIs (FEP-fe34).
public struct URLOrigin: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https` (or any other scheme, lower-cased).
    public let scheme: String
    /// The host, lower-cased; IPv6 literals without brackets.
    public let host: String
    /// The port, `nil` when it is the scheme's default.
    public let port: Int?

    /// The origin of `url`; `nil` without a scheme or host.
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let rawHost = url.host, !rawHost.isEmpty else { return nil }
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.scheme = scheme
        self.host = host
        let defaultPort = scheme == "https" ? 443 : (scheme == "http" ? 80 : nil)
        self.port = url.port == defaultPort ? nil : url.port
    }

    /// The origin of the URL in `string`; `nil` when it does not parse or has no host.
    public init?(string: String) {
        guard let url = URL(string: string) else { return nil }
        self.init(url)
    }

    /// `scheme://host[:port]`, IPv6 hosts in brackets.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(scheme)://\(hostPart):\($0)" } ?? "\(scheme)://\(hostPart)"
    }
}
