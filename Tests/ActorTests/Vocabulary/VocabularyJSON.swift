import ActorIdentity
import Foundation

/// Test helpers for comparing JSON by meaning (member order and spacing ignored).
enum VocabularyJSON {
    /// Parses `text` and writes it back with sorted keys: equal meaning gives equal strings.
    static func canonical(_ text: String) throws -> String {
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        let data = try JSONSerialization.data(withJSONObject: parsed, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// `value` serialised by our encoder, then made canonical.
    static func canonical(_ value: JSONValue) throws -> String {
        try canonical(value.serialized())
    }

    /// `value` serialised and parsed by Foundation, for field checks.
    static func parsed(_ value: JSONValue) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8))
        return object as? [String: Any] ?? [:]
    }

    /// Lower-case hex to bytes (test vectors only).
    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }
}
