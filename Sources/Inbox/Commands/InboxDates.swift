import Foundation

/// `xsd:dateTime` values as peers send them (with or without fractional seconds).
enum InboxDates {
    /// The date, or nil when `text` is not ISO 8601 with a zone.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
