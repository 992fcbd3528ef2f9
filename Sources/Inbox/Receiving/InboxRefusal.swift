/// Why the inbox refuses an activity, with the contract §3 status it answers.
public struct InboxRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of refusal, one per status of the table.
    public enum Kind: Sendable, Equatable {
        /// 400: not JSON, or no `id`, `type` or `actor`, or an activity that cannot be read.
        case badRequest
        /// 401: a signature problem.
        case unauthorized
        /// 403: origin or role checks.
        case forbidden
        /// 413: body over the cap.
        case tooLarge
        /// 415: not a JSON media type.
        case unsupportedMediaType
        /// 429: the origin's budget is spent.
        case tooManyRequests
        /// 503: the signer's key could not be fetched for now (or storage is unavailable).
        case unavailable
    }

    /// Which refusal.
    public let kind: Kind
    /// What to tell the sender (and the log).
    public let detail: String
    /// `Retry-After` seconds for 429 and 503.
    public let retryAfter: Int?

    /// A refusal; see the properties.
    public init(_ kind: Kind, _ detail: String, retryAfter: Int? = nil) {
        self.kind = kind
        self.detail = detail
        self.retryAfter = retryAfter
    }

    /// The HTTP status of the table.
    public var status: Int {
        switch kind {
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .tooLarge: 413
        case .unsupportedMediaType: 415
        case .tooManyRequests: 429
        case .unavailable: 503
        }
    }

    /// One line for logs.
    public var description: String { "\(status): \(detail)" }
}
