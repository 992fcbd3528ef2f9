/// Version 10: drops `inbox_activities_by_actor`, which no query reads; every accepted activity
/// paid for it three times (insert, claim, finish are each a new index entry), which on
/// PostgreSQL is CPU taken from the request path (issue 6's benchmark).
enum InboxIndexSchema {
    static let migration = Migration(version: 10, name: "inbox-drop-unused-index") { sql, _ in
        try await sql.execute(["DROP INDEX IF EXISTS inbox_activities_by_actor"])
    }
}
