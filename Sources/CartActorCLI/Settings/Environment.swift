import Foundation

/// The process environment, read once; commands take it as a value so tests can pass their own.
struct Environment: Sendable {
    var values: [String: String]

    static var process: Environment { Environment(values: ProcessInfo.processInfo.environment) }

    /// The variable's value, or nil when unset or empty.
    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean variable: 1/true/on/yes or 0/false/off/no; anything else is an error.
    func flag(_ name: String) throws(SettingsError) -> Bool? {
        guard let raw = self[name] else { return nil }
        switch raw.lowercased() {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no": return false
        default: throw .invalid(name, "'\(raw)' is not on/off")
        }
    }
}

/// A setting that is missing or malformed; printed as one line before exiting.
enum SettingsError: Error, CustomStringConvertible {
    case missing(String, String)
    case invalid(String, String)

    var description: String {
        switch self {
        case let .missing(name, hint): "missing setting \(name): \(hint)"
        case let .invalid(name, why): "invalid setting \(name): \(why)"
        }
    }
}
