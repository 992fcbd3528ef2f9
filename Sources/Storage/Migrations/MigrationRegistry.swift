/// Every migration this build knows, in order. Later issues append; never edit a shipped one.
public enum MigrationRegistry {
    /// All migrations, by version.
    public static let all: [Migration] = [
        CommerceSchema.migration,   // 1
        WebSchema.migration,        // 2
        FederationSchema.migration, // 3
        EventSchema.migration,      // 4
        OrderSchema.migration,      // 5
        PaymentSchema.migration,    // 6
        FederationLedgerSchema.migration, // 7
        InboxSchema.migration,      // 8
        RefundSchema.migration,     // 9
        InboxIndexSchema.migration, // 10
    ]

    /// The newest version this build knows.
    public static var latestVersion: Int { all.map(\.version).max() ?? 0 }
}
