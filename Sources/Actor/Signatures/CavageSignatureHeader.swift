import Foundation

/// A parsed draft-cavage `Signature` header (or `Authorization: Signature …`).
struct CavageSignatureHeader {
    let keyID: String
    let algorithm: String?
    /// Covered headers, lowercased; draft-12's default is `(created)` alone.
    let covered: [String]
    let signature: [UInt8]
    let created: Int64?
    let expires: Int64?

    /// Parses `name="value"` pairs in any order (numbers may be unquoted). Nil when the syntax
    /// is broken, a parameter repeats, or `keyId`/`signature` is missing or not base64.
    init?(_ value: String) {
        var text = Substring(value)
        if text.hasPrefix("Signature ") { text = text.dropFirst("Signature ".count) }
        guard let pairs = Self.pairs(text) else { return nil }
        guard let keyID = pairs["keyid"], !keyID.isEmpty, let encoded = pairs["signature"],
              let signature = Base64.decode(encoded), !signature.isEmpty
        else { return nil }
        self.keyID = keyID
        self.signature = signature
        algorithm = pairs["algorithm"]?.lowercased()
        covered = (pairs["headers"] ?? "(created)").lowercased().split(separator: " ").map(String.init)
        guard !covered.isEmpty else { return nil }
        created = try? Self.number(pairs["created"])
        expires = try? Self.number(pairs["expires"])
        if (pairs["created"] != nil && created == nil) || (pairs["expires"] != nil && expires == nil) { return nil }
    }

    private struct NotANumber: Error {}

    private static func number(_ text: String?) throws -> Int64? {
        guard let text else { return nil }
        guard let value = Int64(text) else { throw NotANumber() }
        return value
    }

    /// Parameter names lowercased to values; nil on a syntax error or a repeated name. Reads
    /// UTF-8 bytes: every delimiter is ASCII, so slices between them are whole characters, and
    /// walking `Character`s here (a 344-character signature appended one by one) cost ~9% of
    /// the inbox's CPU.
    private static func pairs(_ text: Substring) -> [String: String]? {
        let bytes = Array(text.utf8)
        var result: [String: String] = [:]
        var index = 0
        while true {
            while index < bytes.count, bytes[index] == space || bytes[index] == comma { index += 1 }
            if index == bytes.count { return result }
            guard let equals = bytes[index...].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let name = ReceivedRequest.trimmed(String(decoding: bytes[index..<equals], as: UTF8.self)).lowercased()
            index = equals + 1
            let value: String
            if index < bytes.count, bytes[index] == quote {
                guard let (quoted, after) = quotedString(bytes, from: index + 1) else { return nil }
                value = quoted
                index = after
            } else {
                let end = bytes[index...].firstIndex(of: comma) ?? bytes.count
                value = ReceivedRequest.trimmed(String(decoding: bytes[index..<end], as: UTF8.self))
                index = end
            }
            guard !name.isEmpty, result.updateValue(value, forKey: name) == nil else { return nil }
            guard index == bytes.count || bytes[index] == comma || bytes[index] == space else { return nil }
        }
    }

    private static var space: UInt8 { UInt8(ascii: " ") }
    private static var comma: UInt8 { UInt8(ascii: ",") }
    private static var quote: UInt8 { UInt8(ascii: "\"") }
    private static var backslash: UInt8 { UInt8(ascii: "\\") }

    /// The content of a quoted string starting at `start` (after its opening quote) and the index
    /// after its closing quote; a backslash keeps the byte after it as it is.
    private static func quotedString(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var index = start
        // Nearly every value has no escape: one slice, no byte-by-byte copy.
        while index < bytes.count, bytes[index] != quote, bytes[index] != backslash { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == quote { return (String(decoding: bytes[start..<index], as: UTF8.self), index + 1) }
        var value = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash {
                index += 1
                guard index < bytes.count else { return nil }
                value.append(bytes[index])
            } else if byte == quote {
                return (String(decoding: value, as: UTF8.self), index + 1)
            } else {
                value.append(byte)
            }
            index += 1
        }
        return nil
    }
}
