import Foundation
import PlainIRI

/// An absolute http(s) identifier of something on the web (a product, an entry, a user, a page).
public struct IRI: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The identifier as given, after validation.
    public let value: String

    /// Accepts absolute `http`/`https` IRIs with a host, at most 2,048 characters, no whitespace.
    public init?(_ string: String) {
        guard string.utf8.count <= 2048 else { return nil }
        if PlainHTTPIRI(string) != nil {
            self.value = string
            return
        }
        guard !Self.hasWhitespace(string),
              let components = URLComponents(string: string),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        self.value = string
    }

    /// Whether `string` holds any Unicode whitespace. ASCII text (nearly every IRI) is checked
    /// byte by byte: walking `Character`s costs Unicode property lookups per character, and the
    /// inbox builds several IRIs per activity.
    static func hasWhitespace(_ string: String) -> Bool {
        guard string.utf8.allSatisfy({ $0 < 0x80 }) else { return string.contains(where: { $0.isWhitespace }) }
        return string.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    /// `scheme://host[:port]` of the IRI, lower-cased, for same-origin checks.
    public var origin: String {
        if let plain = PlainHTTPIRI(value) { return plain.origin }
        guard let c = URLComponents(string: value), let scheme = c.scheme, let host = c.host else { return value }
        let port = c.port.map { ":\($0)" } ?? ""
        return "\(scheme.lowercased())://\(host.lowercased())\(port)"
    }

    public var description: String { value }
    public static func < (lhs: IRI, rhs: IRI) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let iri = IRI(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an http(s) IRI: \(raw)"))
        }
        self = iri
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
