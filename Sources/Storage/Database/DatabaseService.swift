import ServiceLifecycle

/// Keeps the database open while the app's `ServiceGroup` runs and closes it on shutdown.
struct DatabaseService: Service {
    let database: Database

    func run() async throws {
        // Returns when the group shuts down gracefully or the task is cancelled.
        try? await gracefulShutdown()
        await database.close()
    }
}
