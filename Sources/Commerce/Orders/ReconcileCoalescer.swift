import Foundation

/// One reconcile in flight per order (in this process); webhook and return-page triggers within
/// `window` of the last provider read share one read at the end of the window, never dropped.
actor ReconcileCoalescer {
    private struct Slot {
        var lastRead: ContinuousClock.Instant?
        var running: Task<OrderStatus, any Error>?
        var queued: Task<OrderStatus, any Error>?
    }

    private var slots: [UUID: Slot] = [:]
    private let window: Duration

    init(window: Duration) { self.window = window }

    /// Runs `work` for order `id`, or joins the run already queued for it.
    func run(_ id: UUID, coalesce: Bool, work: @escaping @Sendable () async throws -> OrderStatus) async throws -> OrderStatus {
        var slot = slots[id] ?? Slot()
        if let queued = slot.queued { return try await queued.value }
        let previous = slot.running
        let task = Task { try await self.execute(id, after: previous, coalesce: coalesce, work: work) }
        slot.queued = task
        slots[id] = slot
        return try await task.value
    }

    private func execute(_ id: UUID, after previous: Task<OrderStatus, any Error>?, coalesce: Bool,
                         work: @Sendable () async throws -> OrderStatus) async throws -> OrderStatus {
        if let previous { _ = try? await previous.value }
        if coalesce, let last = slots[id]?.lastRead {
            let due = last.advanced(by: window)
            if due > .now { try? await Task.sleep(until: due, clock: .continuous) }
        }
        if var slot = slots[id] {
            slot.running = slot.queued
            slot.queued = nil
            slot.lastRead = .now
            slots[id] = slot
        }
        do {
            let status = try await work()
            finish(id)
            return status
        } catch {
            finish(id)
            throw error
        }
    }

    private func finish(_ id: UUID) {
        slots[id]?.running = nil
        guard slots.count > 512 else { return }
        // Forget idle orders whose window has passed (they would read at once anyway).
        let now = ContinuousClock.now
        slots = slots.filter { _, slot in
            slot.running != nil || slot.queued != nil || (slot.lastRead.map { $0.advanced(by: window) > now } ?? false)
        }
    }
}
