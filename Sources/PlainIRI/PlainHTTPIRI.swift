/// The scheme, host and port of a plain http(s) IRI, read from its bytes without Foundation:
/// lower-case `http://` or `https://`, a host of LDH labels (no `xn--`), an optional port
/// without leading zeros, and a rest of RFC 3986 characters with well-formed `%HH`. Anything
/// less plain is left to `URLComponents` (nil here). The inbox reads several IRIs per activity,
/// and `URLComponents` cost ~5% of its CPU. Shared by Commerce's `IRI` and ActorIdentity's
/// `Origin`; `IRIPlainPathTests` and `OriginPlainPathTests` check both agree with `URLComponents`.
public struct PlainHTTPIRI: Sendable {
    /// `http` or `https`.
    public let scheme: String
    /// The host as written (letters, digits, `-`, `.`).
    public let host: String
    /// The port when one is written.
    public let port: Int?

    /// Nil unless `string` is plain in the sense above.
    public init?(_ string: String) {
        // Integer indexes into a copy: walking `String.UTF8View` indexes cost more than the copy.
        let bytes = Array(string.utf8)
        let scheme: String
        if bytes.starts(with: "https://".utf8) { scheme = "https" } else if bytes.starts(with: "http://".utf8) { scheme = "http" } else { return nil }
        var index = scheme.utf8.count + 3
        let hostStart = index
        var labelLength = 0
        var labelStart = index
        while index < bytes.endIndex, Self.isLDH(bytes[index]) {
            if bytes[index] == UInt8(ascii: ".") {
                guard Self.goodLabel(bytes[labelStart..<index], length: labelLength) else { return nil }
                labelLength = 0
                labelStart = index + 1
            } else {
                labelLength += 1
            }
            index += 1
        }
        guard Self.goodLabel(bytes[labelStart..<index], length: labelLength) else { return nil }
        let hostEnd = index
        var port: Int?
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") {
            index += 1
            var value = 0
            var digits = 0
            while index < bytes.endIndex, let digit = Self.digit(bytes[index]) {
                guard digits < 5, !(digits == 1 && value == 0) else { return nil }
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0, value <= 65_535 else { return nil }
            port = value
        }
        guard Self.plainRest(bytes[index...]) else { return nil }
        self.scheme = scheme
        self.host = String(decoding: bytes[hostStart..<hostEnd], as: UTF8.self)
        self.port = port
    }

    /// `scheme://host[:port]`, host lower-cased: what `IRI.origin` returns.
    public var origin: String {
        let port = port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host.lowercased())\(port)"
    }

    private static func isLDH(_ byte: UInt8) -> Bool {
        digit(byte) != nil || byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// A DNS label: 1…63 characters, no leading or trailing `-`, not an IDNA `xn--` label.
    private static func goodLabel(_ label: ArraySlice<UInt8>, length: Int) -> Bool {
        guard (1...63).contains(length), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
        return !(length >= 4 && label.prefix(4).map { $0 | 0x20 }.elementsEqual("xn--".utf8))
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// Path, query and fragment: starts with `/`, `?`, `#` or is empty; RFC 3986 characters
    /// only, `%` followed by two hex digits, at most one `#`.
    private static func plainRest(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let first = rest.first else { return true }
        guard first == UInt8(ascii: "/") || first == UInt8(ascii: "?") || first == UInt8(ascii: "#") else { return false }
        var inFragment = false
        var index = rest.startIndex
        while index < rest.endIndex {
            let byte = rest[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < rest.endIndex, isHex(rest[index + 1]), isHex(rest[index + 2]) else { return false }
                index += 2
            } else if byte == UInt8(ascii: "#") {
                guard !inFragment else { return false }
                inFragment = true
            } else if !isRestCharacter(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        digit(byte) != nil || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// Unreserved, sub-delims, `:`, `@`, `/` and `?`.
    private static func isRestCharacter(_ byte: UInt8) -> Bool {
        if digit(byte) != nil || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
}
