import Foundation

/// The parsed `CART_BASE_URL`: an http(s) origin without path, query or fragment.
public struct BaseOrigin: Sendable, Equatable {
    /// `https` or `http`.
    public let scheme: String
    /// Lower-cased host name or address.
    public let host: String
    /// Explicit port, when not the scheme's default.
    public let port: Int?

    /// Parses `text`; nil unless it is `http(s)://host[:port]` with at most a trailing `/`.
    public init?(_ text: String) {
        guard let c = URLComponents(string: text),
              let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host?.lowercased(), !host.isEmpty,
              c.path.isEmpty || c.path == "/", c.query == nil, c.fragment == nil,
              c.user == nil, c.password == nil
        else { return nil }
        self.scheme = scheme
        self.host = host
        let defaultPort = scheme == "https" ? 443 : 80
        self.port = c.port == defaultPort ? nil : c.port
    }

    /// `scheme://host[:port]`, the form browsers send in `Origin`.
    public var origin: String { "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")" }
    /// Whether cookies get `Secure`.
    public var isHTTPS: Bool { scheme == "https" }
    /// `host[:port]`, for the actor's handle `cart@HOST`.
    public var authority: String { "\(host)\(port.map { ":\($0)" } ?? "")" }

    /// The absolute URL of `path` (which starts with `/`) on this origin.
    public func url(_ path: String) -> String { origin + path }

    /// The origin (`scheme://host[:port]`, lower-cased, default port dropped) of any http(s)
    /// URL, or nil; used to compare `Origin`, `Referer` and `return_to` with configured origins.
    public static func origin(of text: String) -> String? {
        guard let c = URLComponents(string: text),
              let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host?.lowercased(), !host.isEmpty
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = c.port.flatMap { $0 == defaultPort ? nil : $0 }
        return "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")"
    }
}
