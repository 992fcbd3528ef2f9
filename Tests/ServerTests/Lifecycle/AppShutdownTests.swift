import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Storage
import Testing
import TestSupport

/// Apps that stop right after they start, many at once, on both backends: every one must shut
/// down. Regression test for a hang seen in CI (2026-11-28): a service that threw while the
/// group shut down made ServiceLifecycle cancel the group, and database work or PostgresNIO's
/// LISTEN cancelled half-way never finished. Rounds: `CART_SHUTDOWN_ROUNDS` (default 32; the hang
/// showed in 7 of 8 PostgreSQL apps at 16 at once, the rarer ones about once in 200).
@Suite("App shutdown")
struct AppShutdownTests {
    static let rounds = ProcessInfo.processInfo.environment["CART_SHUTDOWN_ROUNDS"].flatMap(Int.init) ?? 32
    static let width = 16
    static let patience: Duration = .seconds(120)

    @Test
    func appsStoppingRightAfterStartingAllShutDown() async throws {
        let phases = RoundPhases()
        let rounds = Self.rounds
        let all = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<rounds {
                    if round >= Self.width { try await group.next() }
                    group.addTask { try await Self.startAndStop(round: round, phases: phases) }
                }
                try await group.waitForAll()
            }
        }
        // A hung app never returns, so the test waits for the rounds OR the deadline, and names
        // where the unfinished ones are instead of hanging the whole test run.
        let finished = await Self.finishes(all, within: Self.patience)
        let stuck = await phases.unfinished()
        #expect(finished && stuck.isEmpty, "apps that did not shut down within \(Self.patience), by phase: \(stuck)")
        if finished { try await all.value }
    }

    /// One app over a fresh database paying through a fresh fake SumUp: a few webhook posts,
    /// then shutdown.
    static func startAndStop(round: Int, phases: RoundPhases) async throws {
        let backend: Backend = Backend.available[round % Backend.available.count]
        await phases.set(round, "starting the fake SumUp (\(backend))")
        try await FakeSumUp.run { fake in
            await fake.loseWebhooks()
            let configuration = OrderTestApp.configuration(fake)
            await phases.set(round, "opening the database (\(backend))")
            try await TestDatabases.withDatabase(backend) { database in
                await phases.set(round, "building the app (\(backend))")
                let app = try await buildApplication(configuration: configuration, database: database, logger: TestApp.logger)
                await phases.set(round, "running (\(backend))")
                try await app.test(.router) { client in
                    for body in ["not json", "[]"] {
                        let status = try await WebhookRoutesTests.post(client, body).status
                        #expect(status == .badRequest)
                    }
                    await phases.set(round, "shutting the app down (\(backend))")
                }
                await phases.set(round, "closing the database (\(backend))")
            }
            await phases.set(round, "stopping the fake SumUp (\(backend))")
        }
        await phases.done(round)
    }

    /// True when `task` ended within `patience`. Awaiting a task's result ignores cancellation,
    /// so the race is run by two unstructured tasks and the loser is left behind.
    static func finishes(_ task: Task<Void, any Error>, within patience: Duration) async -> Bool {
        let (outcomes, continuation) = AsyncStream.makeStream(of: Bool.self)
        Task { _ = await task.result; continuation.yield(true) }
        let timer = Task { try? await Task.sleep(for: patience); continuation.yield(false) }
        var iterator = outcomes.makeAsyncIterator()
        let first = await iterator.next() ?? false
        timer.cancel()
        continuation.finish()
        return first
    }
}

/// Where each round is, for the failure message.
actor RoundPhases {
    private var phase: [Int: String] = [:]

    func set(_ round: Int, _ text: String) { phase[round] = text }
    func done(_ round: Int) { phase[round] = nil }

    /// Count of unfinished rounds per phase.
    func unfinished() -> [String: Int] {
        phase.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
