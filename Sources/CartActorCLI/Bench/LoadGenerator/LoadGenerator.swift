import NIOCore
import NIOPosix

/// A load generator that runs every connection on ONE event loop thread of its own, like wrk:
/// timers, writes and answers never hop between threads. The generator shares the machine's
/// two cores with the server under test, so each thread wake-up it saves is CPU the server gets.
enum LoadGenerator {
    /// Connects `plan.connections` keep-alive connections, runs the plan, and closes them.
    static func run<Source: LoadSource>(_ plan: LoadPlan<Source>) async throws -> LoadOutcome {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let loop = group.next()
            let outcome = try await loop.flatSubmit {
                LoadRun(plan: plan, loop: loop).start()
            }.get()
            try await group.shutdownGracefully()
            return outcome
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }
}
