/// What `POST /inbox` answers: a status of contract §3's table, `Retry-After` for 429/503, and a
/// one-line text body saying why.
public struct InboxAnswer: Sendable, Equatable {
    /// The HTTP status.
    public let status: Int
    /// `Retry-After` seconds, for 429 and 503.
    public let retryAfter: Int?
    /// A plain-text reason.
    public let message: String

    /// 202: accepted, or seen before.
    static func accepted(duplicate: Bool) -> InboxAnswer {
        InboxAnswer(status: 202, retryAfter: nil, message: duplicate ? "already received" : "accepted")
    }

    /// The answer for a refusal.
    public init(_ refusal: InboxRefusal) {
        self.init(status: refusal.status, retryAfter: refusal.retryAfter, message: refusal.detail)
    }

    /// An answer; see the properties.
    public init(status: Int, retryAfter: Int?, message: String) {
        self.status = status
        self.retryAfter = retryAfter
        self.message = message
    }
}
