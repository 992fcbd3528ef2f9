import Foundation

/// How admin pages write instants: ISO 8601 in UTC, to the second (operators compare them with
/// logs and the CLI, which use the same form).
enum AdminFormat {
    static func date(_ date: Date) -> String { date.formatted(.iso8601) }

    static func date(_ date: Date?) -> String? { date.map { self.date($0) } }
}
