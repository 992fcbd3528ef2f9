import Commerce
import Foundation

/// Group commit for quantity changes on SQLite (issue 2's hot path). The first caller to arrive
/// while no batch runs becomes the leader: it commits its own change together with every change
/// queued so far in ONE write transaction, answers those callers, and hands leadership to the
/// next one waiting. So at load a whole queue costs one `BEGIN`/`COMMIT` and one statement,
/// instead of four statements (each a hop to SQLite's thread pool) per change while the writer
/// lock is held. A change that finds no company is two autocommit statements (see
/// `SQLCommerceTransaction.setLineQuantityAlone`). Every caller returns only after its own
/// change committed.
actor QuantityBatcher {
    /// One quantity change.
    struct Command: Sendable {
        let line: UUID
        let quantity: Int
        let ownerKey: String
        let now: Date
    }

    /// What a caller is told when it wakes: run the next batch, or its change's outcome.
    private enum Turn: Sendable {
        case lead([Queued])
        case done(Result<LineQuantityChange, any Error>)
    }

    /// A waiting caller's change, with the ticket its continuation is filed under.
    private struct Queued: Sendable {
        let ticket: Int
        let command: Command
    }

    /// Most changes per transaction (4 binds each).
    static let maxBatch = 128

    private let run: @Sendable ([Command]) async throws -> [LineQuantityChange]
    private var busy = false
    private var queue: [Queued] = []
    private var waiting: [Int: CheckedContinuation<Turn, Never>] = [:]
    private var nextTicket = 0

    /// A batcher committing each batch with `run`, which returns one outcome per command, in order.
    init(run: @escaping @Sendable ([Command]) async throws -> [LineQuantityChange]) {
        self.run = run
    }

    /// Commits `command` (alone or with others) and returns its outcome.
    nonisolated func submit(_ command: Command) async throws -> LineQuantityChange {
        switch await enqueue(command) {
        case let .done(result):
            return try result.get()
        case let .lead(others):
            return try await lead(command, with: others)
        }
    }

    /// Runs one batch: `own` first, then `others`; answers the others and passes the lead on.
    private nonisolated func lead(_ own: Command, with others: [Queued]) async throws -> LineQuantityChange {
        let outcome: Result<[LineQuantityChange], any Error>
        do {
            outcome = .success(try await run([own] + others.map(\.command)))
        } catch {
            outcome = .failure(error)
        }
        await finish(others, outcome: outcome)
        switch outcome {
        case let .success(changes): return changes[0]
        case let .failure(error): throw error
        }
    }

    /// Leads at once when no batch runs; otherwise waits in the queue for its turn or outcome.
    private func enqueue(_ command: Command) async -> Turn {
        guard busy else {
            busy = true
            return .lead([])
        }
        let ticket = nextTicket
        nextTicket += 1
        return await withCheckedContinuation { continuation in
            queue.append(Queued(ticket: ticket, command: command))
            waiting[ticket] = continuation
        }
    }

    /// Answers the batch's other callers, then wakes the first waiter as the next leader.
    private func finish(_ others: [Queued], outcome: Result<[LineQuantityChange], any Error>) {
        for (index, queued) in others.enumerated() {
            let result: Result<LineQuantityChange, any Error> = outcome.map { $0[index + 1] }
            waiting.removeValue(forKey: queued.ticket)?.resume(returning: .done(result))
        }
        guard !queue.isEmpty else {
            busy = false
            return
        }
        let leader = queue.removeFirst()
        let batch = takeBatch(excluding: leader.command.line)
        waiting.removeValue(forKey: leader.ticket)?.resume(returning: .lead(batch))
    }

    /// Up to `maxBatch - 1` queued changes in arrival order, at most one per line (a later change
    /// of the same line waits for the next batch, so each line's changes apply in order).
    private func takeBatch(excluding first: UUID) -> [Queued] {
        var lines: Set<UUID> = [first]
        var batch: [Queued] = []
        var rest: [Queued] = []
        for queued in queue {
            if batch.count < Self.maxBatch - 1, lines.insert(queued.command.line).inserted {
                batch.append(queued)
            } else {
                rest.append(queued)
            }
        }
        queue = rest
        return batch
    }
}
