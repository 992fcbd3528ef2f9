import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string. The first
/// occurrence of a name wins; malformed percent-escapes make the whole body invalid.
struct FormFields: Sendable {
    private var values: [String: String] = [:]
    /// Most fields one form may carry; more is a malformed request.
    static let maxFields = 64

    /// The value of `name`, or nil.
    subscript(_ name: String) -> String? { values[name] }

    /// No fields.
    init() {}

    /// Parses `bytes`; nil when malformed.
    init?(bytes: some Collection<UInt8>) {
        var count = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            let pair = bytes[start..<end]
            if !pair.isEmpty {
                count += 1
                guard count <= Self.maxFields else { return nil }
                let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
                guard let name = Self.decode(pair[pair.startIndex..<equals]),
                      let value = Self.decode(equals < pair.endIndex ? pair[pair.index(after: equals)...] : pair[equals..<equals])
                else { return nil }
                if values[name] == nil { values[name] = value }
            }
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
    }

    /// Percent-decodes one component (`+` is a space); nil on a bad escape or invalid UTF-8.
    static func decode(_ component: some Collection<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(component.count)
        var index = component.startIndex
        while index < component.endIndex {
            let byte = component[index]
            switch byte {
            case UInt8(ascii: "+"):
                out.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let first = component.index(after: index)
                guard first < component.endIndex else { return nil }
                let second = component.index(after: first)
                guard second < component.endIndex, let high = hex(component[first]), let low = hex(component[second]) else { return nil }
                out.append(high << 4 | low)
                index = second
            default:
                out.append(byte)
            }
            index = component.index(after: index)
        }
        return String(bytes: out, encoding: .utf8)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
