import Commerce
import Foundation
import NIOConcurrencyHelpers

/// Recently read sessions, so a burst of requests from one browser costs one database read per
/// `ttl`. This process's own creations, rotations and logouts update it at once; a logout handled
/// by another instance sharing the database takes effect here within `ttl`.
struct SessionCache: Sendable {
    struct Entry: Sendable {
        let user: IRI?
        let lastSeen: Date
        let fetchedAt: Date
    }

    /// How long an entry is trusted without asking the database.
    let ttl: TimeInterval
    /// Beyond this many entries the cache starts over (bounded memory under cookie floods;
    /// only genuinely signed cookies of live sessions are ever cached).
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(ttl: TimeInterval = 5, capacity: Int = 50_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The fresh entry for `key`, if any.
    func entry(_ key: String, now: Date) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries[key], now.timeIntervalSince(entry.fetchedAt) < ttl else { return nil }
            return entry
        }
    }

    /// Remembers what the database (or this process) just said about `key`.
    func store(_ key: String, user: IRI?, lastSeen: Date, now: Date) {
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(user: user, lastSeen: lastSeen, fetchedAt: now)
        }
    }

    /// Forgets `key` (session deleted).
    func remove(_ key: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: key) }
    }
}
