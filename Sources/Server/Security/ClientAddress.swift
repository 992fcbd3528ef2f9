import NIOCore

/// The connected peer's address as a rate-limit key and loopback test. Forwarded headers are
/// not trusted: run the service where it sees client addresses, or accept per-proxy budgets.
struct ClientAddress: Sendable, Equatable {
    /// The IP address text, or `unknown` (in-process tests, Unix sockets).
    let text: String

    init(_ address: SocketAddress?) {
        self.text = address?.ipAddress ?? "unknown"
    }

    /// Whether the peer is this machine (127.0.0.0/8, ::1, or IPv4-mapped loopback).
    var isLoopback: Bool {
        text.hasPrefix("127.") || text == "::1" || text.hasPrefix("::ffff:127.")
    }
}
