/// Version 3: cached public keys of remote actors, signature scheme per origin.
enum FederationSchema {
    static let migration = Migration(version: 3, name: "federation") { sql, _ in
        try await sql.execute([
            """
            CREATE TABLE public_key_cache (
                key_id TEXT PRIMARY KEY,
                owner_iri TEXT NOT NULL,
                pem TEXT NOT NULL,
                fetched_ms BIGINT NOT NULL)
            """,
            """
            CREATE TABLE signature_schemes (
                origin TEXT PRIMARY KEY,
                scheme TEXT NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
        ])
    }
}
