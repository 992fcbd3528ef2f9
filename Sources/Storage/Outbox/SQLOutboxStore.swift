import ActorIdentity
import Foundation
import Outbox
import SQLKit

/// The outbox's tables (followers, our follows, remote actors, activities, deliveries, hosts)
/// on SQLite or PostgreSQL: `FollowerRegistry`, the publisher's and the workers' store.
public struct SQLOutboxStore: Sendable {
    /// The database holding the tables.
    public let database: Database
    /// The actor's IRIs (our `Follow` ids are `BASE/activities/{event id}`).
    public let urls: ActorURLs

    /// A store over `database` for the actor at `urls`.
    public init(database: Database, urls: ActorURLs) {
        self.database = database
        self.urls = urls
    }
}
