/// The draft-cavage-12 signing string and `Signature` header syntax.
enum CavageSigningString {
    /// A covered header that the request does not carry.
    struct Missing: Error { let name: String }

    /// `name: value` lines joined by `\n`, in the order of `covered` (lowercase names, with
    /// pseudo-headers such as `(request-target)`); `value` supplies each line's value.
    static func build(covered: [String], value: (String) -> String?) throws(Missing) -> String {
        var lines: [String] = []
        lines.reserveCapacity(covered.count)
        for name in covered {
            guard let text = value(name) else { throw Missing(name: name) }
            lines.append("\(name): \(text)")
        }
        return lines.joined(separator: "\n")
    }

    /// `(request-target)`: lowercase method, a space, path and query as sent.
    static func requestTarget(method: String, pathAndQuery: String) -> String {
        "\(method.lowercased()) \(pathAndQuery)"
    }

    /// The `Signature` header value, parameters in the customary order.
    static func header(keyID: String, algorithm: String, covered: [String], signature: [UInt8]) -> String {
        "keyId=\"\(keyID)\",algorithm=\"\(algorithm)\",headers=\"\(covered.joined(separator: " "))\","
            + "signature=\"\(Base64.encode(signature))\""
    }
}
