import Foundation
import PlainIRI

/// `scheme://host:port` of an IRI, lowercased, default ports filled in.
struct Origin: Equatable {
    let scheme: String
    let host: String
    let port: Int

    /// The origin of `iri`; nil when it has no scheme or host. Plain `http(s)://host[:port]/…`
    /// IRIs (nearly every actor and key id) are read from their bytes: the verifier builds four
    /// origins per signed request. Anything else goes through `URLComponents`, which the plain
    /// reading agrees with (`OriginPlainPathTests`).
    init?(_ iri: String) {
        if let plain = Self.plain(iri) {
            self = plain
        } else {
            self.init(components: iri)
        }
    }

    /// The origin by `URLComponents` (any scheme).
    init?(components iri: String) {
        guard let components = URLComponents(string: iri), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.init(scheme: scheme, host: host, port: components.port ?? Self.defaultPort(scheme))
    }

    private init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The origin of a plain `http(s)` IRI (see `PlainHTTPIRI`); nil for anything else (the
    /// caller then uses `URLComponents`).
    static func plain(_ iri: String) -> Origin? {
        guard let plain = PlainHTTPIRI(iri) else { return nil }
        return Origin(scheme: plain.scheme, host: plain.host.lowercased(), port: plain.port ?? defaultPort(plain.scheme))
    }

    /// 443 for https, 80 for http, -1 for any other scheme.
    private static func defaultPort(_ scheme: String) -> Int {
        scheme == "https" ? 443 : scheme == "http" ? 80 : -1
    }
}
