import ArgumentParser
import Commerce
import Foundation
import Outbox
import Storage

/// `peers list|approve IRI|reject IRI|remove IRI|follow IRI` (contract §2): follow requests,
/// followers and the actors we follow. Trust (the calendar and market roles) comes only from
/// configuration; these commands decide who receives order activities.
struct PeersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peers",
        abstract: "Follow requests, followers, and the actors this service follows.",
        subcommands: [List.self, Approve.self, Reject.self, Remove.self, Follow.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Followers, pending follow requests, and whom we follow.")
        @OptionGroup var ledger: LedgerOption

        func run() async throws {
            try await OneLineErrors.run {
                let text = try await ledger.withStore { store in
                    PeerListing.text(followers: try await Self.allFollowers(store), ourFollows: try await store.ourFollows())
                }
                print(text, terminator: "")
            }
        }

        /// Every follower and request, page by page.
        static func allFollowers(_ store: SQLOutboxStore) async throws -> [Follower] {
            var all: [Follower] = []
            while true {
                let page = try await store.followers(state: nil, after: all.last?.actor.value, limit: 500)
                all += page
                if page.count < 500 { return all }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept a pending follow request (sends Accept).")
        @Argument(help: "The follower's actor IRI") var iri: String
        @OptionGroup var ledger: LedgerOption

        func run() async throws {
            try await PeerArgument.decide(iri, ledger, missing: "no pending follow request from", done: "accepted",
                                          then: ": it receives order activities from now on") { store, actor in
                try await store.approve(actor: actor, now: Date())
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse a follow request or drop a follower (sends Reject).")
        @Argument(help: "The actor IRI") var iri: String
        @OptionGroup var ledger: LedgerOption

        func run() async throws {
            try await PeerArgument.decide(iri, ledger, missing: "neither follows nor asked to:", done: "rejected") { store, actor in
                try await store.reject(actor: actor, now: Date())
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget a follower without answering, and stop following it (sends Undo{Follow}).",
            discussion: "A configured peer (CART_CALENDAR_PEERS, CART_MARKET_PEERS) is followed again at the next start.")
        @Argument(help: "The actor IRI") var iri: String
        @OptionGroup var ledger: LedgerOption

        func run() async throws {
            let actor = try PeerArgument.iri(iri)
            try await OneLineErrors.run {
                let (follower, followed) = try await ledger.withStore { store in
                    let followed = try await store.ourFollows().contains { $0.actor == actor }
                    if followed { try await store.unfollow(actor: actor, now: Date()) }
                    return (try await store.remove(actor: actor), followed)
                }
                guard follower || followed else {
                    throw LedgerCommandError("\(actor) is neither a follower nor followed; see `cart-actor peers list`")
                }
                print("removed \(actor)" + (follower ? " as a follower" : "") + (followed ? (follower ? " and" : "") + " from those we follow" : ""))
            }
        }
    }

    struct Follow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Follow an actor (sends Follow; see its answer in `peers list`).")
        @Argument(help: "The actor IRI") var iri: String
        @OptionGroup var ledger: LedgerOption

        func run() async throws {
            let actor = try PeerArgument.iri(iri)
            try await OneLineErrors.run {
                try await ledger.withStore { try await $0.follow(actor: actor, now: Date()) }
                print("following \(actor): the Follow is sent by the running service")
            }
        }
    }
}

/// Argument checks shared by the `peers` subcommands.
enum PeerArgument {
    /// The IRI, or a usage error.
    static func iri(_ raw: String) throws -> IRI {
        guard let iri = IRI(raw) else { throw ValidationError("'\(raw)' is not an actor IRI (https://host/path)") }
        return iri
    }

    /// Runs one follow decision on the ledger; `change` answers false when there was nothing to decide.
    static func decide(_ raw: String, _ ledger: LedgerOption, missing: String, done: String, then: String = "",
                       _ change: @escaping @Sendable (SQLOutboxStore, IRI) async throws -> Bool) async throws {
        let actor = try iri(raw)
        try await OneLineErrors.run {
            guard try await ledger.withStore({ try await change($0, actor) }) else {
                throw LedgerCommandError("\(missing) \(actor); see `cart-actor peers list`")
            }
            print("\(done) \(actor)\(then)")
        }
    }
}
