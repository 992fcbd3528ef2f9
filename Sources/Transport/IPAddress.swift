#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address, parsed only from canonical literal forms (inet_pton rules).
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address as a big-endian-ordered 32-bit value (`127.0.0.1` is `0x7F00_0001`).
    case v4(UInt32)
    /// An IPv6 address as 16 bytes in network order.
    case v6([UInt8])

    /// Parses a literal with `inet_pton`: dotted-quad IPv4 (no octal, hex or short forms) or IPv6
    /// (brackets allowed); anything else, including zone ids, is `nil`.
    public init?(literal: String) {
        var text = Substring(literal)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        let string = String(text)
        var v4 = in_addr()
        if inet_pton(AF_INET, string, &v4) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, string, &v6) == 1 else { return nil }
        self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
    }

    /// The canonical text form (`inet_ntop`), without brackets.
    public var description: String {
        switch self {
        case .v4(let value):
            return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
        case .v6(let bytes):
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { raw in
                for (index, byte) in bytes.prefix(16).enumerated() { raw[index] = byte }
            }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// The IPv4 address carried in the low 32 bits of an IPv6 address.
    var embeddedV4Tail: UInt32? {
        guard case .v6(let bytes) = self, bytes.count == 16 else { return nil }
        return bytes[12...15].reduce(0) { ($0 << 8) | UInt32($1) }
    }
}
