import Foundation
import RawStructuredFieldValues

/// `Digest` (RFC 3230, cavage) and `Content-Digest` (RFC 9530) over the exact body bytes.
enum BodyDigest {
    /// What a received digest header says about the body.
    enum Check: Equatable {
        /// Every supported algorithm in the header matches, and there was at least one.
        case matches
        /// A supported algorithm's value differs from the body's digest.
        case mismatch
        /// No algorithm we compute (sha-256, sha-512), or an unreadable value.
        case unsupported
    }

    /// `SHA-256=<base64>` for the cavage `Digest` header.
    static func digestHeader(for body: [UInt8]) -> String {
        "SHA-256=" + Base64.encode(SHA256.hash(body))
    }

    /// `sha-256=:<base64>:` for `Content-Digest`, serialized as a structured dictionary.
    static func contentDigestHeader(for body: [UInt8]) throws -> String {
        var dictionary = OrderedMap<String, ItemOrInnerList>()
        dictionary["sha-256"] = .item(Item(bareItem: RFC9651BareItem.undecodedByteSequence(Base64.encode(SHA256.hash(body))), parameters: OrderedMap<String, RFC9651BareItem>()))
        var serializer = StructuredFieldValueSerializer()
        return String(decoding: try serializer.writeDictionaryFieldValue(dictionary), as: UTF8.self)
    }

    /// Checks a `Digest` or `Content-Digest` value against `body`. Algorithm names are compared
    /// case-insensitively (`SHA-256=` and `sha-256=`); `:…:` byte-sequence wrapping is accepted
    /// in either header, since senders mix the two syntaxes.
    static func check(_ header: String, body: [UInt8]) -> Check {
        var matched = false
        for entry in header.split(separator: ",") {
            let trimmed = ReceivedRequest.trimmed(String(entry))
            guard let equals = trimmed.firstIndex(of: "=") else { return .unsupported }
            let name = trimmed[..<equals].lowercased()
            var value = Substring(trimmed[trimmed.index(after: equals)...])
            if value.count >= 2, value.hasPrefix(":"), value.hasSuffix(":") { value = value.dropFirst().dropLast() }
            let expected: [UInt8]
            switch name {
            case "sha-256": expected = SHA256.hash(body)
            case "sha-512": expected = SHA512.hash(body)
            default: continue
            }
            guard let given = Base64.decode(String(value)) else { return .mismatch }
            guard given == expected else { return .mismatch }
            matched = true
        }
        return matched ? .matches : .unsupported
    }
}
