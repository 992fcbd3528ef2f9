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

    /// Parameter names lowercased to values; nil on a syntax error or a repeated name.
    private static func pairs(_ text: Substring) -> [String: String]? {
        var result: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "," }
            if rest.isEmpty { return result }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = ReceivedRequest.trimmed(String(rest[..<equals])).lowercased()
            rest = rest[rest.index(after: equals)...]
            let value: String
            if rest.first == "\"" {
                guard let (quoted, after) = quotedString(rest.dropFirst()) else { return nil }
                value = quoted
                rest = after
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = ReceivedRequest.trimmed(String(rest[..<end]))
                rest = rest[end...]
            }
            guard !name.isEmpty, result.updateValue(value, forKey: name) == nil else { return nil }
            guard rest.isEmpty || rest.first == "," || rest.first == " " else { return nil }
        }
    }

    /// The content of a quoted string (after its opening quote) and what follows its closing quote.
    private static func quotedString(_ text: Substring) -> (String, Substring)? {
        var value = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
                value.append(text[index])
            } else if character == "\"" {
                return (value, text[text.index(after: index)...])
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
