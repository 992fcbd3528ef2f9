/// A CIDR block (`10.0.0.0/8`, `fc00::/7`), used by `AddressPolicy`.
public struct IPRange: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the block.
    public let base: IPAddress
    /// The prefix length in bits.
    public let prefixLength: Int

    /// A block from a literal base and prefix; `nil` when the base is not a literal or the
    /// prefix is longer than the address.
    public init?(_ base: String, _ prefixLength: Int) {
        guard let address = IPAddress(literal: base) else { return nil }
        let width: Int
        switch address { case .v4: width = 32; case .v6: width = 128 }
        guard (0...width).contains(prefixLength) else { return nil }
        self.base = address
        self.prefixLength = prefixLength
    }

    /// `base/prefix`.
    public var description: String { "\(base)/\(prefixLength)" }

    /// Whether `address` is in this block (never across families).
    public func contains(_ address: IPAddress) -> Bool {
        switch (base, address) {
        case (.v4(let lhs), .v4(let rhs)):
            guard prefixLength > 0 else { return true }
            let mask = UInt32.max << UInt32(32 - prefixLength)
            return lhs & mask == rhs & mask
        case (.v6(let lhs), .v6(let rhs)):
            var remaining = prefixLength
            for index in 0..<16 where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if lhs[index] & mask != rhs[index] & mask { return false }
                remaining -= bits
            }
            return true
        default:
            return false
        }
    }

    /// IPv4 and IPv6 loopback (`127.0.0.0/8`, `::1/128`), for tests that run servers on loopback.
    public static let loopback: [IPRange] = [range("127.0.0.0", 8), range("::1", 128)]

    /// A block from constants written in this module; they are valid literals.
    static func range(_ base: String, _ prefix: Int) -> IPRange {
        guard let range = IPRange(base, prefix) else { preconditionFailure("bad constant \(base)/\(prefix)") }
        return range
    }
}
