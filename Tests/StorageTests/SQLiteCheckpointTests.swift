import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

@Suite("SQLite WAL checkpoints")
struct SQLiteCheckpointTests {
    /// The writer's own automatic checkpoint is set far above these writes (10,000 pages), so
    /// only the background checkpointer can bring them into the database file.
    @Test
    func committedPagesReachTheDatabaseFileWithoutTheWriterCheckpointing() async throws {
        let fresh = try await TestDatabases.freshURL(.sqlite)
        guard case let .sqlite(location) = fresh.url else { return }
        let database = try await Database.open(fresh.url, logger: TestDatabases.logger)
        do {
            try await database.write { try await $0.raw("CREATE TABLE blobs (body BLOB NOT NULL)").run() }
            let before = fileSize(location.path)
            // 300 commits of 3 KB each: about 1 MB that sits in the WAL until a checkpoint.
            for _ in 0..<300 {
                try await database.write { try await $0.raw("INSERT INTO blobs (body) VALUES (randomblob(3000))").run() }
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while fileSize(location.path) - before < 900_000, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(fileSize(location.path) - before >= 900_000,
                    "the database file grew by \(fileSize(location.path) - before) bytes; the WAL holds \(fileSize(location.path + "-wal"))")
            // Closing while a checkpoint may still run waits for it and leaves a consistent file.
            await database.close()
            let reopened = try await Database.open(fresh.url, logger: TestDatabases.logger)
            let count = try await reopened.read { try await $0.raw("SELECT COUNT(*) AS n FROM blobs").first(decodingColumn: "n", as: Int.self) }
            await reopened.close()
            #expect(count == 300)
        } catch {
            await database.close()
            try? await fresh.remove()
            throw error
        }
        try await fresh.remove()
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
