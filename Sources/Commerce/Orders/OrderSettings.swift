import Foundation

/// How orders behave: hold length, where the provider sends webhooks and browsers, how reads coalesce.
public struct OrderSettings: Sendable {
    /// Minutes an order holds its lines for payment (`CART_HOLD_MINUTES`).
    public var holdMinutes: Int
    /// The service's public base URL, without trailing slash; webhook and redirect URLs hang off it.
    public var baseURL: String
    /// Webhook and return-page triggers within this long of the last provider read share one read
    /// at the end of the window (contract §6: 10 s; tests shorten it).
    public var coalesceWindow: Duration
    /// How long attempts whose money state is unknown keep being re-read (48 h).
    public var unknownMoneyHorizon: TimeInterval
    /// At most this many attempts or orders one `sweep()` handles per kind.
    public var sweepBatch: Int

    /// Settings; defaults follow the contract.
    public init(holdMinutes: Int, baseURL: String, coalesceWindow: Duration = .seconds(10),
                unknownMoneyHorizon: TimeInterval = 48 * 3600, sweepBatch: Int = 100) {
        self.holdMinutes = holdMinutes
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.coalesceWindow = coalesceWindow
        self.unknownMoneyHorizon = unknownMoneyHorizon
        self.sweepBatch = sweepBatch
    }

    /// `return_url` of every attempt: where the provider posts its webhook.
    public var webhookURL: String { baseURL + "/webhooks/sumup" }

    /// `redirect_url` of an order's attempts: where the browser comes back.
    public func redirectURL(orderID: UUID) -> String {
        baseURL + "/orders/" + orderID.uuidString.lowercased() + "/return"
    }
}
