import Foundation

/// Where one hop of a request may connect: the URL's host and the checked address to dial.
struct CheckedTarget: Sendable, Hashable {
    /// The host as AsyncHTTPClient reads it from the URL (no brackets); key of its DNS override.
    var host: String
    /// The address the connection goes to.
    var address: IPAddress
    /// Whether `host` is itself an IP literal (then no override is needed).
    var hostIsLiteral: Bool
}

/// Checks a URL against the scheme rules and the address policy, resolving names itself, so the
/// connection can be made to the checked address with no second lookup.
actor TargetChecker {
    private let policy: AddressPolicy
    private let resolver = HostResolver()
    private let lifetime: Duration
    private var resolved: [String: (addresses: [IPAddress], until: ContinuousClock.Instant)] = [:]

    /// A checker; resolutions are reused for `lifetime` (kept short so DNS changes are seen).
    init(policy: AddressPolicy, lifetime: Duration = .seconds(60)) {
        self.policy = policy
        self.lifetime = lifetime
    }

    /// The target for `url`, or why it is refused. Refusals happen before any connection.
    func check(_ url: URL) async throws(TransportError) -> CheckedTarget {
        let text = url.absoluteString
        guard let scheme = url.scheme?.lowercased() else { throw TransportError(.invalidURL, url: text) }
        guard scheme == "http" || scheme == "https" else { throw TransportError(.unsupportedScheme, url: text) }
        guard var host = url.host, !host.isEmpty else { throw TransportError(.invalidURL, url: text) }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }

        if let literal = IPAddress(literal: host) {
            guard policy.permits(literal) else {
                throw TransportError(.refusedAddress(host: host, address: literal.description), url: text)
            }
            return CheckedTarget(host: host, address: literal, hostIsLiteral: true)
        }
        guard HostSyntax.isPlainName(host) else { throw TransportError(.invalidURL, url: text) }

        let addresses = await addresses(of: host.lowercased())
        guard !addresses.isEmpty else { throw TransportError(.resolutionFailed(host: host), url: text) }
        // Every address must pass: a name that also points inward is refused as a whole.
        if let refused = addresses.first(where: { !policy.permits($0) }) {
            throw TransportError(.refusedAddress(host: host, address: refused.description), url: text)
        }
        let preferred = addresses.first { if case .v4 = $0 { return true } else { return false } } ?? addresses[0]
        return CheckedTarget(host: host, address: preferred, hostIsLiteral: false)
    }

    /// Cached or fresh addresses of `host`.
    private func addresses(of host: String) async -> [IPAddress] {
        let now = ContinuousClock.now
        if let entry = resolved[host], entry.until > now { return entry.addresses }
        let fresh = await resolver.addresses(of: host)
        if !fresh.isEmpty {
            if resolved.count > 1024 { resolved = resolved.filter { $0.value.until > now } }
            resolved[host] = (fresh, now + lifetime)
        }
        return fresh
    }
}

/// Host-name syntax rules that keep numeric tricks away from the system resolver.
enum HostSyntax {
    /// True for a DNS name of letters, digits, `-`, `_` and dots whose last label is not a
    /// number: `2130706433`, `0x7f.1` or `127.1` would be read as IPv4 by `getaddrinfo`, so
    /// they are refused rather than resolved (WHATWG "ends in a number").
    static func isPlainName(_ host: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard host.utf8.count <= 253, host.allSatisfy({ allowed.contains($0) }) else { return false }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.last == "" { labels.removeLast() }
        guard let last = labels.last, !last.isEmpty, !labels.contains(where: { $0.isEmpty }) else { return false }
        if last.allSatisfy(\.isNumber) { return false }
        let lower = last.lowercased()
        if lower.hasPrefix("0x"), lower.dropFirst(2).allSatisfy(\.isHexDigit) { return false }
        return true
    }
}
