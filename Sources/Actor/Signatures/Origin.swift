import Foundation

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
        self.init(scheme: scheme, host: host, port: components.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1))
    }

    private init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Lower-case `http://` or `https://`, an LDH host of non-empty labels (no `xn--`), an
    /// optional port without leading zeros, then only RFC 3986 characters other than `%`, `[`
    /// and `]`, at most one `#`. Nil for anything else (the caller then uses `URLComponents`).
    static func plain(_ iri: String) -> Origin? {
        let bytes = Array(iri.utf8)
        let scheme: String
        if bytes.starts(with: "https://".utf8) { scheme = "https" } else if bytes.starts(with: "http://".utf8) { scheme = "http" } else { return nil }
        var index = scheme.utf8.count + 3
        var host: [UInt8] = []
        var labelStart = 0
        while index < bytes.count, isHostByte(bytes[index]) {
            if bytes[index] == UInt8(ascii: ".") {
                guard goodLabel(host[labelStart...]) else { return nil }
                labelStart = host.count + 1
            }
            host.append(bytes[index] &- 0x41 < 26 ? bytes[index] | 0x20 : bytes[index])
            index += 1
        }
        guard goodLabel(host[labelStart...]) else { return nil }
        var port = scheme == "https" ? 443 : 80
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            let digitsStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let digits = bytes[digitsStart..<index]
            guard (1...5).contains(digits.count), digits.first != UInt8(ascii: "0") else { return nil }
            port = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard port <= 65535 else { return nil }
        }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#") else { return nil }
            var fragments = 0
            for byte in bytes[index...] {
                guard isRestByte(byte) else { return nil }
                if byte == UInt8(ascii: "#") { fragments += 1 }
            }
            guard fragments <= 1 else { return nil }
        }
        return Origin(scheme: scheme, host: String(decoding: host, as: UTF8.self), port: port)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Unreserved, sub-delims, `:`, `@`, `/`, `?` and `#` (RFC 3986), no `%`.
    private static func isRestByte(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"),
             UInt8(ascii: "?"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    /// 1…63 bytes (lower-cased), no leading or trailing `-`, not an IDNA `xn--` label.
    private static func goodLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
        return !label.starts(with: "xn--".utf8)
    }
}
