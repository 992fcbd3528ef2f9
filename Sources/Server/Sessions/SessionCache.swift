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

    /// What a genuine cookie value stands for, so its signature, storage key and form token are
    /// computed once per cookie instead of on every request.
    struct Identity: Sendable {
        let id: String
        let key: String
        let csrf: String
    }

    /// How long an entry is trusted without asking the database.
    let ttl: TimeInterval
    /// Beyond this many entries the cache starts over (bounded memory under cookie floods;
    /// only genuinely signed cookies of live sessions are ever cached).
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// Cookie values whose signature verified, by value (never expires: a signature stays valid;
    /// whether the session lives is still asked of `entries` or the database).
    private let identities = NIOLockedValueBox<[String: Identity]>([:])

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

    /// The identity of a cookie value verified before, if any.
    func identity(cookie value: String) -> Identity? {
        identities.withLockedValue { $0[value] }
    }

    /// Remembers that `value` is a genuine cookie for `identity`.
    func remember(cookie value: String, _ identity: Identity) {
        identities.withLockedValue { identities in
            if identities.count >= capacity { identities.removeAll(keepingCapacity: true) }
            identities[value] = identity
        }
    }

    /// Forgets `key` (session deleted).
    func remove(_ key: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: key) }
    }
}
