/// Which resolved addresses an outbound request may connect to (contract §3). Pure; no I/O.
public struct AddressPolicy: Sendable {
    /// When true every address is permitted (tests, one-host setups).
    public var allowPrivateNetworks: Bool
    /// Blocks permitted even though they are in a refused range (tests allow exactly loopback).
    public var alsoAllowed: [IPRange]

    /// A policy; `alsoAllowed` punches holes into the refused ranges, e.g. `IPRange.loopback`.
    public init(allowPrivateNetworks: Bool, alsoAllowed: [IPRange] = []) {
        self.allowPrivateNetworks = allowPrivateNetworks
        self.alsoAllowed = alsoAllowed
    }

    /// Whether a connection to `address` is allowed.
    public func permits(_ address: IPAddress) -> Bool {
        if allowPrivateNetworks || alsoAllowed.contains(where: { $0.contains(address) }) { return true }
        return !Self.isSpecialPurpose(address)
    }

    /// Loopback, private, link-local, CGNAT, unique-local, multicast, unspecified, reserved and
    /// broadcast addresses, including IPv4 ones written in IPv6 forms (mapped, compatible,
    /// NAT64, 6to4).
    static func isSpecialPurpose(_ address: IPAddress) -> Bool {
        switch address {
        case .v4:
            return refusedV4.contains { $0.contains(address) }
        case .v6(let bytes):
            if refusedV6.contains(where: { $0.contains(address) }) { return true }
            if let tail = address.embeddedV4Tail, v4CarryingV6.contains(where: { $0.contains(address) }) {
                return isSpecialPurpose(.v4(tail))
            }
            if sixToFour.contains(address) {
                let embedded = bytes[2...5].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
                return isSpecialPurpose(.v4(embedded))
            }
            return false
        }
    }

    private static let refusedV4: [IPRange] = [
        .range("0.0.0.0", 8),        // "this network", unspecified
        .range("10.0.0.0", 8),       // private
        .range("100.64.0.0", 10),    // CGNAT
        .range("127.0.0.0", 8),      // loopback
        .range("169.254.0.0", 16),   // link-local (cloud metadata lives here)
        .range("172.16.0.0", 12),    // private
        .range("192.0.0.0", 24),     // IETF protocol assignments
        .range("192.168.0.0", 16),   // private
        .range("198.18.0.0", 15),    // benchmarking
        .range("224.0.0.0", 4),      // multicast
        .range("240.0.0.0", 4),      // reserved, including 255.255.255.255
    ]

    private static let refusedV6: [IPRange] = [
        .range("::", 128),           // unspecified
        .range("::1", 128),          // loopback
        .range("64:ff9b:1::", 48),   // local-use NAT64
        .range("fc00::", 7),         // unique-local
        .range("fe80::", 10),        // link-local
        .range("fec0::", 10),        // deprecated site-local
        .range("ff00::", 8),         // multicast
    ]

    /// IPv6 blocks whose last 32 bits are an IPv4 address: mapped, compatible, NAT64.
    private static let v4CarryingV6: [IPRange] = [
        .range("::ffff:0:0", 96), .range("::", 96), .range("64:ff9b::", 96),
    ]

    private static let sixToFour: IPRange = .range("2002::", 16)
}
