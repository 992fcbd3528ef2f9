import ActorIdentity
import Commerce
import Foundation
import Logging

/// The request path of `POST /inbox` (contract §3), framework-free: size and media type, bounded
/// JSON, `id`/`type`/`actor`, per-origin rate, signature, origin and role checks, then the raw
/// activity stored once by `id` and queued. Handling happens later, in `InboxWorker`.
public struct InboxReceiver: Sendable {
    let base: String
    let verifier: SignatureVerifier
    let store: any InboxStore
    let roles: RoleCheck
    let reader: CommandReader
    let limits: InboxLimits
    let rateLimiter: OriginRateLimiter
    let wakeup: InboxWakeup?
    let handoff: InboxHandoff?
    let metrics: InboxMetrics
    let logger: Logger
    let now: @Sendable () -> Date

    /// A receiver for the actor at `urls`; `wakeup` is nudged after each new activity, which is
    /// stored leased to this process and handed over in `handoff` (share one with its worker).
    public init(urls: ActorURLs, verifier: SignatureVerifier, store: any InboxStore, followers: any InboxFollowers,
                peers: InboxPeers, limits: InboxLimits = InboxLimits(), wakeup: InboxWakeup? = nil,
                handoff: InboxHandoff? = nil, metrics: InboxMetrics = InboxMetrics(), logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = urls.base
        self.verifier = verifier
        self.store = store
        self.roles = RoleCheck(peers: peers, followers: followers)
        self.reader = CommandReader(base: urls.base)
        self.limits = limits
        self.rateLimiter = OriginRateLimiter(count: limits.perOriginCount, perSeconds: limits.perOriginSeconds)
        self.wakeup = wakeup
        self.handoff = handoff
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }

    /// The largest body to read (one byte more than the cap, so "over the cap" is visible).
    public var maxBodyBytes: Int { limits.maxBodyBytes }

    /// Checks made before reading the body: 415 for a media type that is not JSON, 413 for a
    /// declared length over the cap.
    public func precheck(contentType: String?, contentLength: Int?) -> InboxAnswer? {
        guard let contentType, ActivityMediaType.isActivityJSON(contentType) else {
            return InboxAnswer(InboxRefusal(.unsupportedMediaType, "send application/activity+json, application/ld+json or application/json"))
        }
        if let contentLength, contentLength > limits.maxBodyBytes { return Self.tooLarge(limits.maxBodyBytes) }
        return nil
    }

    /// 413 with the cap in the message.
    public static func tooLarge(_ cap: Int) -> InboxAnswer {
        InboxAnswer(InboxRefusal(.tooLarge, "the body is over \(cap / 1024) KiB"))
    }

    /// Answers a received request whose body was read whole (at most `maxBodyBytes` + 1 bytes).
    public func receive(_ request: ReceivedRequest) async -> InboxAnswer {
        var type = "unparsed"
        do {
            let activity = try parse(request)
            type = activity.metricType
            let duplicate = try await accept(activity, request: request)
            metrics.received(type: type, status: 202)
            return .accepted(duplicate: duplicate)
        } catch let refusal as InboxRefusal {
            metrics.received(type: type, status: refusal.status)
            if refusal.kind != .badRequest && refusal.kind != .tooLarge {
                logger.info("inbox refused an activity", metadata: ["status": "\(refusal.status)", "reason": "\(refusal.detail)"])
            }
            return InboxAnswer(refusal)
        } catch {
            metrics.received(type: type, status: 503)
            logger.error("inbox storage failed", metadata: ["error": "\(error)"])
            return InboxAnswer(InboxRefusal(.unavailable, "the inbox cannot store activities right now; retry later", retryAfter: 10))
        }
    }

    private func parse(_ request: ReceivedRequest) throws(InboxRefusal) -> ParsedActivity {
        guard request.body.count <= limits.maxBodyBytes else { throw InboxRefusal(.tooLarge, "the body is over \(limits.maxBodyBytes / 1024) KiB") }
        let json: JSONValue
        do { json = try limits.parser.parse(request.body) } catch { throw InboxRefusal(.badRequest, error.description) }
        return try ParsedActivity(json: json)
    }

    /// Every check after parsing, then the store; returns whether the id was seen before.
    private func accept(_ activity: ParsedActivity, request: ReceivedRequest) async throws -> Bool {
        guard let actor = IRI(activity.actor) else { throw InboxRefusal(.badRequest, "actor is not an http(s) IRI") }
        let clock = now()
        if let wait = rateLimiter.spend(actor.origin, now: clock.timeIntervalSince1970) {
            throw InboxRefusal(.tooManyRequests, "too many activities from \(actor.origin)", retryAfter: wait)
        }
        switch await verifier.verify(request, now: clock).requiringSigner(activity.actor) {
        case .verified: break
        case .failed(let failure):
            metrics.verificationFailed(failure.reason)
            throw InboxRefusal(failure.httpStatus == 503 ? .unavailable : .unauthorized, failure.description,
                               retryAfter: failure.retryAfterSeconds)
        }
        guard let id = IRI(activity.id), id.origin == actor.origin else {
            throw InboxRefusal(.forbidden, "the activity id \(activity.id) is not on the actor's origin \(actor.origin)")
        }
        let kind = ActivityKind(activity, base: base)
        try await roles.check(kind.requiredRole, actor: activity.actor, type: activity.metricType)
        let command = try reader.command(activity, kind: kind)
        if case .orderAnswer(let target, _) = command {
            guard let hold = try await store.orderHold(target), hold.calendars.contains(actor) else {
                throw InboxRefusal(.forbidden, "\(actor.value) holds no entry or ticket of that order")
            }
        }
        let queued = QueuedActivity(id: activity.id, actor: activity.actor, type: activity.metricType,
                                    body: request.body, receivedAt: clock)
        let leasedUntil = handoff?.reserve(now: clock)
        let isNew: Bool
        do {
            isNew = try await store.enqueue(queued, leasedUntil: leasedUntil)
        } catch {
            // Stored or not, a lease with no entry only delays handling until it ends.
            if leasedUntil != nil { handoff?.settle(nil) }
            throw error
        }
        if let leasedUntil {
            handoff?.settle(isNew ? .init(queued: queued, command: command, actor: actor, leasedUntil: leasedUntil) : nil)
        }
        if isNew { wakeup?.nudge() }
        return !isNew
    }
}
