import Commerce
import Foundation
import Logging
import ServiceLifecycle

/// Publishes domain events (a lifecycle service): each unpublished event, oldest first, becomes
/// exactly one activity, and its deliveries — one per distinct inbox of its recipients at that
/// moment — are written with it in one transaction. Endpoints are resolved before that
/// transaction (network); the transaction itself only touches the database.
public struct Publisher: Service {
    private let store: any PublishingStore
    private let renderer: ActivityRenderer
    private let directory: ActorDirectory
    private let clock: any WallClock
    private let wakeup: OutboxWakeup
    private let pollInterval: Duration
    private let logger: Logger

    /// A publisher; `wakeup` is signalled after each publication (the workers wait on it).
    public init(store: any PublishingStore, renderer: ActivityRenderer, directory: ActorDirectory,
                clock: any WallClock = SystemWallClock(), wakeup: OutboxWakeup, pollInterval: Duration = .seconds(1),
                logger: Logger = Logger(label: "cart-actor.outbox.publisher")) {
        self.store = store
        self.renderer = renderer
        self.directory = directory
        self.clock = clock
        self.wakeup = wakeup
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Publishes until graceful shutdown, looking for events every `pollInterval` (events are
    /// written by other commands' transactions, so there is no in-process signal for them).
    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await publishPending()
            } catch {
                logger.error("publishing failed; will try again", metadata: ["error": "\(error)"])
            }
            await nap(pollInterval)
        }
    }

    /// Publishes every unpublished event; returns how many activities were written.
    @discardableResult
    public func publishPending(batch: Int = 50) async throws -> Int {
        var published = 0
        while true {
            let events = try await store.unpublishedEvents(limit: batch)
            guard !events.isEmpty else { return published }
            for event in events {
                guard let done = try await publish(event) else { break }
                if done { published += 1 }
            }
        }
    }

    /// One event: true when an activity was written, false when skipped, nil when the batch
    /// must be read again.
    private func publish(_ event: DomainEvent) async throws -> Bool? {
        let activity: RenderedActivity
        do {
            activity = try await renderer.render(event)
        } catch let error as RenderError {
            logger.error("event has no activity; marking it published", metadata: ["error": "\(error)"])
            try await store.skip(eventID: event.id, now: clock.now())
            return false
        }
        let targets = try await targets(of: activity)
        switch try await store.publish(activity, targets: targets, now: clock.now()) {
        case .published(let deliveries):
            logger.debug("published", metadata: ["activity": "\(event.id)", "type": "\(activity.type)", "deliveries": "\(deliveries)"])
            await wakeup.signal()
            return true
        case .notNext:
            return nil
        }
    }

    /// The inboxes of the activity's recipients: shared inboxes preferred for followers and `cc`,
    /// the personal inbox for a direct recipient; one target per distinct inbox.
    func targets(of activity: RenderedActivity) async throws -> [DeliveryTarget] {
        let actors: [IRI]
        switch activity.audience {
        case .followers(let cc): actors = try await store.acceptedFollowerActors() + cc
        case .direct(let recipient): actors = [recipient]
        }
        let (found, failed) = try await directory.endpoints(of: actors)
        for (actor, error) in failed.sorted(by: { $0.key < $1.key }) {
            logger.warning("recipient skipped: its inbox is unknown", metadata: [
                "activity": "\(activity.eventID)", "actor": "\(actor)", "error": "\(error)"])
        }
        var seen = Set<String>()
        var targets: [DeliveryTarget] = []
        for actor in actors {
            guard let endpoints = found[actor.value] else { continue }
            let inbox = if case .direct = activity.audience { endpoints.inbox } else { endpoints.preferredInbox }
            guard seen.insert(inbox).inserted, let target = DeliveryTarget(inbox: inbox) else { continue }
            targets.append(target)
        }
        return targets
    }
}
