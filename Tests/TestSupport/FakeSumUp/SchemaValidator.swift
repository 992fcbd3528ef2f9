import Foundation
import Payments

/// Validates JSON against the subset of JSON Schema SumUp's document uses for request bodies:
/// `type` (+ `nullable`), `required`, `properties`, `enum`, `additionalProperties`, `$ref`,
/// `allOf`, `items`, `maxLength`, `readOnly`, `format: date-time | uri`. Stricter than SumUp in
/// one way, on purpose: undeclared properties are violations, so a misspelt field is caught.
public struct SchemaValidator: Sendable {
    let document: OpenAPIDocument

    /// A validator resolving `$ref`s in `document`.
    public init(document: OpenAPIDocument) {
        self.document = document
    }

    /// Every violation of `schema` by `value`, as `path: problem` lines (empty when valid).
    public func violations(of value: WireJSON, against schema: WireJSON) -> [String] {
        var found: [String] = []
        check(value, schema, at: "$", into: &found)
        return found
    }

    /// `partOfAllOf`: the schema is one part of an `allOf`, so members declared by the other
    /// parts are not violations here (the whole `allOf` checks undeclared members once).
    private func check(_ value: WireJSON, _ schema: WireJSON, at path: String, into found: inout [String],
                       partOfAllOf: Bool = false) {
        if let reference = schema["$ref"]?.stringValue {
            guard let target = document.resolve(reference) else { found.append("\(path): unresolvable \(reference)"); return }
            check(value, target, at: path, into: &found, partOfAllOf: partOfAllOf)
            return
        }
        if let parts = schema["allOf"]?.arrayValue {
            for part in parts { check(value, part, at: path, into: &found, partOfAllOf: true) }
            if !partOfAllOf, schema["type"]?.stringValue != "object", let members = value.members {
                let declared = declaredProperties(schema)
                for member in members where declared[member.key] == nil {
                    found.append("\(path).\(member.key): not declared in the schema")
                }
            }
        }
        if value == .null {
            if schema["nullable"] == .bool(true) || schema["type"] == nil { return }
            found.append("\(path): null is not allowed")
            return
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            found.append("\(path): \(value.serialized()) is not one of \(WireJSON.array(allowed).serialized())")
        }
        guard let type = schema["type"]?.stringValue else { return }
        switch type {
        case "object": checkObject(value, schema, at: path, into: &found, partOfAllOf: partOfAllOf)
        case "array":
            guard let elements = value.arrayValue else { found.append("\(path): expected an array"); return }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { check(element, items, at: "\(path)[\(index)]", into: &found) }
            }
        case "string": checkString(value, schema, at: path, into: &found)
        case "number":
            if value.numberText == nil { found.append("\(path): expected a number") }
        case "integer":
            guard let text = value.numberText, !text.contains("."), !text.lowercased().contains("e") else {
                found.append("\(path): expected an integer")
                return
            }
        case "boolean":
            guard case .bool = value else { found.append("\(path): expected a boolean"); return }
        default:
            found.append("\(path): schema type \(type) not understood by the validator")
        }
    }

    private func checkObject(_ value: WireJSON, _ schema: WireJSON, at path: String, into found: inout [String],
                             partOfAllOf: Bool) {
        guard let members = value.members else { found.append("\(path): expected an object"); return }
        let keys = members.map(\.key)
        if Set(keys).count != keys.count { found.append("\(path): duplicate member names") }
        for required in schema["required"]?.arrayValue ?? [] {
            if let name = required.stringValue, !keys.contains(name) { found.append("\(path): missing required \(name)") }
        }
        let declared = declaredProperties(schema)
        for member in members {
            let memberPath = "\(path).\(member.key)"
            if let propertySchema = declared[member.key] {
                if propertySchema["readOnly"] == .bool(true) { found.append("\(memberPath): read-only, must not be sent") }
                check(member.value, propertySchema, at: memberPath, into: &found)
            } else if let extra = schema["additionalProperties"] {
                switch extra {
                case .bool(true): break
                case .bool(false): found.append("\(memberPath): not allowed (additionalProperties false)")
                default: check(member.value, extra, at: memberPath, into: &found)
                }
            } else if !partOfAllOf {
                found.append("\(memberPath): not declared in the schema")
            }
        }
    }

    /// Properties of the schema and of its `allOf` parts (references resolved).
    private func declaredProperties(_ schema: WireJSON) -> [String: WireJSON] {
        var result: [String: WireJSON] = [:]
        for member in schema["properties"]?.members ?? [] { result[member.key] = member.value }
        for part in schema["allOf"]?.arrayValue ?? [] {
            let resolved = part["$ref"]?.stringValue.flatMap(document.resolve) ?? part
            result.merge(declaredProperties(resolved)) { first, _ in first }
        }
        return result
    }

    private func checkString(_ value: WireJSON, _ schema: WireJSON, at path: String, into found: inout [String]) {
        guard let text = value.stringValue else { found.append("\(path): expected a string"); return }
        if let limit = schema["maxLength"]?.numberText.flatMap({ Int($0) }), text.count > limit {
            found.append("\(path): longer than \(limit) characters")
        }
        switch schema["format"]?.stringValue {
        case "date-time":
            if Self.dateTime(text) == nil { found.append("\(path): \(text) is not an RFC 3339 date-time") }
        case "uri":
            if URL(string: text)?.scheme == nil { found.append("\(path): \(text) is not an absolute URI") }
        default: break
        }
    }

    /// An RFC 3339 date-time with an explicit offset, with or without fractional seconds.
    static func dateTime(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        plain.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return plain.date(from: text)
    }
}
