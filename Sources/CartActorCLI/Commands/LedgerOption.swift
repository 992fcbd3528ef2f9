import ActorIdentity
import ArgumentParser
import Foundation
import Logging
import Storage

/// `--database` and `--base-url` for the commands over the federation ledger (`deliveries`,
/// `peers`): the database as other commands, and the public origin our `Follow` ids derive from.
struct LedgerOption: ParsableArguments {
    @OptionGroup var database: DatabaseOption
    @Option(name: .customLong("base-url"), help: "Public origin (env CART_BASE_URL; the demo's http://127.0.0.1:8080 by default)")
    var baseURL: String?

    /// Runs `body` with the outbox store over the migrated database.
    func withStore<T: Sendable>(env: Environment = .process, _ body: (SQLOutboxStore) async throws -> T) async throws -> T {
        let base = baseURL ?? env["CART_BASE_URL"] ?? "http://127.0.0.1:8080"
        let urls: ActorURLs
        do { urls = try ActorURLs(baseURL: base) } catch { throw ValidationError("--base-url: \(error)") }
        return try await CommandDatabase.with(database, env: env) { database in
            try await body(SQLOutboxStore(database: database, urls: urls))
        }
    }
}

/// A ledger command could not do what it was asked; one line saying what to do instead.
struct LedgerCommandError: Error, CustomStringConvertible {
    /// The line printed.
    let description: String

    init(_ description: String) { self.description = description }
}
