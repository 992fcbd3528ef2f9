import Foundation

/// Timestamps are stored as BIGINT Unix milliseconds: exact and the same on both databases.
extension Date {
    /// Milliseconds since 1970, rounded down.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The date `millis` milliseconds after 1970.
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
