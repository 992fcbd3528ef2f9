import ActorIdentity
import Commerce
import Foundation

/// Carries out one queued activity through the shop's commands. Every command is idempotent, so
/// an activity handled again after a crash (lease expired before `finish`) changes nothing more.
public struct InboxHandler: Sendable {
    let reader: CommandReader
    let parser: BoundedJSONParser
    let carts: CartService
    let catalog: CatalogService
    let followers: any InboxFollowers
    let answers: (any CalendarAnswers)?
    let store: any InboxStore
    let peers: InboxPeers
    let now: @Sendable () -> Date

    /// A handler for the actor at `urls`; `answers` is nil until checkout exists (answers then refused).
    public init(urls: ActorURLs, carts: CartService, catalog: CatalogService, followers: any InboxFollowers,
                answers: (any CalendarAnswers)?, store: any InboxStore, peers: InboxPeers,
                parser: BoundedJSONParser = BoundedJSONParser(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.reader = CommandReader(base: urls.base)
        self.parser = parser
        self.carts = carts
        self.catalog = catalog
        self.followers = followers
        self.answers = answers
        self.store = store
        self.peers = peers
        self.now = now
    }

    /// Handles `queued`; returns what came of it. Throws only failures worth retrying (storage).
    public func handle(_ queued: QueuedActivity) async throws -> HandlingResult {
        switch prepare(queued) {
        case .result(let result): return result
        case .command(let command, let actor): return try await execute(command, actor: actor)
        }
    }

    /// Reads the stored activity back into its command (no storage touched).
    func prepare(_ queued: QueuedActivity) -> PreparedActivity {
        do {
            let activity = try ParsedActivity(json: try parser.parse(queued.body))
            guard let iri = IRI(activity.actor) else { return .result(.refused("actor is not an IRI")) }
            return .command(try reader.command(activity, kind: ActivityKind(activity, base: reader.base)), actor: iri)
        } catch {
            return .result(.refused("stored activity no longer reads: \(error)"))
        }
    }

    /// The Follow as the worker records it in a batch, with the outcome `handle` would return.
    func followRecord(_ queued: QueuedActivity, actor: IRI, followID: IRI) -> FollowRecord {
        let auto = peers.isPeer(actor.value)
        return FollowRecord(activityID: queued.id, actor: actor, followID: followID, autoAccept: auto,
                            outcome: Self.followResult(autoAccept: auto).outcome)
    }

    static func followResult(autoAccept: Bool) -> HandlingResult {
        .done(autoAccept ? "follow accepted (peer)" : "follow pending approval")
    }

    /// Carries out a prepared command; shop refusals become `.refused`.
    func execute(_ command: InboxCommand, actor: IRI) async throws -> HandlingResult {
        do {
            return try await run(command, actor: actor)
        } catch let error as CartError {
            return .refused(error.description)
        } catch let error as CatalogError {
            return .refused(error.description)
        }
    }

    private func run(_ command: InboxCommand, actor: IRI) async throws -> HandlingResult {
        switch command {
        case .follow(let followID):
            let auto = peers.isPeer(actor.value)
            try await followers.receiveFollow(actor: actor, followID: followID, autoAccept: auto, now: now())
            return Self.followResult(autoAccept: auto)
        case .undoFollow(let followID):
            return .done(try await followers.remove(actor: actor, followID: followID) ? "follower removed" : "was not following")
        case .deleteActor:
            return .done(try await followers.remove(actor: actor, followID: nil) ? "deleted actor removed" : "was not following")
        case .answerToOurFollow(let accepted):
            try await followers.recordAnswerToOurFollow(actor: actor, accepted: accepted, now: now())
            return .done(accepted ? "our follow accepted" : "our follow rejected")
        case .calendarAdd(let item, let quantity, let cart):
            let line = try await carts.addCalendarItem(item, quantity: quantity, to: cart)
            return .done("line \(line.id.uuidString.lowercased()) × \(line.quantity)")
        case .calendarRemove(let item, let cart):
            return .done(try await carts.removeCalendarItem(item, from: cart) ? "line removed" : "no such line: nothing changed")
        case .adopt(let handle, let user):
            try await carts.adopt(.handle(handle), into: user)
            return .done("cart adopted by \(user.value)")
        case .orderAnswer(let target, let accepted):
            return try await answerOrder(target, accepted: accepted, calendar: actor)
        case .productUpsert(let product):
            return .done(try await catalog.upsertProduct(product) ? "product stored" : "older update ignored")
        case .productDelete(let iri):
            try await catalog.withdrawProduct(iri)
            return .done("product withdrawn")
        case .ignored(let why):
            return .ignored(why)
        }
    }

    private func answerOrder(_ target: OrderTarget, accepted: Bool, calendar: IRI) async throws -> HandlingResult {
        guard let answers else { return .refused("checkout is not available: the answer cannot be applied") }
        guard let hold = try await store.orderHold(target) else { return .refused("no such order") }
        switch try await answers.calendarAnswered(orderID: hold.orderID, calendar: calendar, accepted: accepted) {
        case .applied: return .done(accepted ? "hold confirmed" : "hold refused")
        case .unchanged: return .done("already answered: nothing changed")
        case .notOwner: return .refused("\(calendar.value) holds nothing in the order")
        }
    }
}

/// What came of handling one activity.
public enum HandlingResult: Sendable, Equatable {
    /// Carried out (the text says how).
    case done(String)
    /// Read and understood, deliberately not acted on.
    case ignored(String)
    /// Refused by the shop's rules (never retried).
    case refused(String)

    /// `done`, `ignored` or `refused`, for metrics.
    public var label: String {
        switch self {
        case .done: "done"
        case .ignored: "ignored"
        case .refused: "refused"
        }
    }

    /// The stored outcome: label and detail.
    public var outcome: String {
        switch self {
        case .done(let text), .ignored(let text), .refused(let text): "\(label): \(text)"
        }
    }
}
