import ActorIdentity
import Foundation

/// A JWS in compact form, split and decoded but not yet trusted. Strict: exactly three
/// base64url parts, header and payload JSON objects, at most `maxLength` characters.
struct CompactJWT: Sendable {
    /// The protected header fields this service reads.
    struct Header: Decodable, Sendable {
        let alg: String?
        let crit: [String]?
    }

    /// The claims a login token carries.
    struct Claims: Decodable, Sendable {
        let iss: String?
        let aud: Audience?
        let sub: String?
        let nonce: String?
        let iat: Double?
        let exp: Double?
        let jti: String?
    }

    /// `aud` may be one string or an array of strings (RFC 7519 §4.1.3).
    enum Audience: Decodable, Sendable {
        case one(String)
        case many([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                self = .one(one)
            } else {
                self = .many(try container.decode([String].self))
            }
        }

        func contains(_ value: String) -> Bool {
            switch self {
            case let .one(one): one == value
            case let .many(many): many.contains(value)
            }
        }
    }

    /// Longest token accepted.
    static let maxLength = 8 * 1024

    let header: Header
    let claims: Claims
    /// `BASE64URL(header) "." BASE64URL(payload)`, the signed bytes.
    let signingInput: [UInt8]
    let signature: [UInt8]

    init(_ token: String) throws(LoginError) {
        guard token.utf8.count <= Self.maxLength else { throw .malformed("longer than \(Self.maxLength) characters") }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("\(parts.count) parts instead of 3") }
        guard let headerBytes = Base64URL.decode(String(parts[0])),
              let payloadBytes = Base64URL.decode(String(parts[1])),
              let signature = Base64URL.decode(String(parts[2]))
        else { throw .malformed("a part is not base64url") }
        let decoder = JSONDecoder()
        do {
            header = try decoder.decode(Header.self, from: Data(headerBytes))
        } catch {
            throw .malformed("header is not a JSON object")
        }
        do {
            claims = try decoder.decode(Claims.self, from: Data(payloadBytes))
        } catch {
            throw .malformed("payload is not a JSON object of the expected claim types")
        }
        self.signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        self.signature = signature
    }
}
