import Foundation

/// A position in the newest-first list of published activities: the page after it holds
/// activities published earlier, or at the same millisecond with a smaller id (uppercase text order).
public struct ActivityCursor: Sendable, Hashable, CustomStringConvertible {
    /// The `published` time of the last activity already shown (millisecond precision).
    public var published: Date
    /// Its id, breaking ties between activities of the same millisecond.
    public var id: UUID

    /// A cursor after the activity published at `published` with `id`.
    public init(published: Date, id: UUID) {
        self.published = Date(timeIntervalSince1970: (published.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.id = id
    }

    /// Milliseconds since 1970, as the ledger stores `published`.
    public var publishedMillis: Int64 { Int64((published.timeIntervalSince1970 * 1000).rounded()) }

    /// The URL-safe form used in `?page=` links: `MILLIS-UUID`.
    public var description: String { "\(publishedMillis)-\(id.uuidString.lowercased())" }

    /// Parses `MILLIS-UUID`; nil for anything else (the route answers the first page then).
    public init?(_ text: String) {
        guard let dash = text.firstIndex(of: "-"), let millis = Int64(text[..<dash]),
              let id = UUID(uuidString: String(text[text.index(after: dash)...]))
        else { return nil }
        self.init(published: Date(timeIntervalSince1970: Double(millis) / 1000), id: id)
    }
}
