import Commerce
import Foundation
import Inbox
import SQLKit
import Testing
import TestSupport
import Transport

/// Helpers shared by the scenario suites.
extension InboxHarness {
    /// Adds the sample page (GBP) every calendar and market scenario sells on.
    func addSamplePage(slug: String = "market-day", iri: String = Activities.pageIRI) async throws {
        try await catalog.addPage(Page(slug: slug, iri: try #require(IRI(iri)), title: "Market day",
                                       currency: try #require(Currency(code: "GBP"))))
    }

    /// The lines of `user`'s cart.
    func lines(of user: String) async throws -> [CartLine] {
        try await carts.view(.owner(.user(try #require(IRI(user))))).groups.flatMap(\.lines)
    }

    /// The stored outcome of the activity `id`.
    func outcome(of id: String) async throws -> String? {
        try await database.read { sql in
            try await sql.raw("SELECT outcome FROM inbox_activities WHERE id = \(bind: id)").first()?
                .decode(column: "outcome", as: String?.self)
        }
    }

    /// How many rows the inbox holds, and how many attempts they took in all.
    func inboxCounts() async throws -> (rows: Int, attempts: Int) {
        try await database.read { sql in
            let row = try await sql.raw("SELECT COUNT(*) AS n, CAST(COALESCE(SUM(attempts), 0) AS BIGINT) AS a FROM inbox_activities").first()
            return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "a", as: Int.self) ?? 0)
        }
    }

    /// Domain events of `kind`.
    func events(_ kind: String) async throws -> [DomainEvent] {
        try await events.unpublished(limit: 1000).filter { $0.kind == kind }
    }
}

/// A response's body as text.
extension OutboundResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
