/// Compact JSON text: members in their stored order, no insignificant whitespace, `/` unescaped.
extension JSONValue {
    /// The value as compact JSON text (UTF-8 when written out).
    public func serialized() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    /// The value as UTF-8 JSON bytes, ready for an HTTP body.
    public func serializedBytes() -> [UInt8] {
        Array(serialized().utf8)
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            // A duplicate key keeps its first position but its last value, like `subscript`.
            var seen = Set<String>()
            var first = true
            for member in members where seen.insert(member.key).inserted {
                if !first { output += "," }
                first = false
                Self.writeString(member.key, to: &output)
                output += ":"
                let value = members.last(where: { $0.key == member.key })?.value ?? member.value
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// RFC 8259 string escaping; U+2028/U+2029 are escaped too so the text is also safe in HTML
    /// `<script>` blocks and old JavaScript parsers.
    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{2028}", "\u{2029}": output += "\\u\(hex4(scalar.value))"
            default:
                if scalar.value < 0x20 {
                    output += "\\u\(hex4(scalar.value))"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
