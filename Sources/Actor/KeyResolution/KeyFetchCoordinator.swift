import Foundation

/// Shares one fetch per key id among concurrent callers and remembers recent permanent
/// failures briefly, so a flood of requests naming a bad key costs one fetch a minute.
actor KeyFetchCoordinator {
    private var running: [String: Task<Result<ResolvedKey, KeyResolutionError>, Never>] = [:]
    private var failures: [String: (error: KeyResolutionError, until: ContinuousClock.Instant)] = [:]
    private let negativeLifetime: Duration

    /// A coordinator remembering `.notFound` and `.invalid` for `negativeLifetime`.
    init(negativeLifetime: Duration) {
        self.negativeLifetime = negativeLifetime
    }

    /// The remembered failure for `keyID`, if still fresh.
    func recentFailure(_ keyID: String) -> KeyResolutionError? {
        guard let entry = failures[keyID] else { return nil }
        if entry.until > .now { return entry.error }
        failures[keyID] = nil
        return nil
    }

    /// Runs `fetch` for `keyID`, or joins the one already running.
    func fetch(
        _ keyID: String, _ fetch: @escaping @Sendable () async -> Result<ResolvedKey, KeyResolutionError>
    ) async -> Result<ResolvedKey, KeyResolutionError> {
        if let task = running[keyID] { return await task.value }
        let task = Task { await fetch() }
        running[keyID] = task
        let result = await task.value
        running[keyID] = nil
        if case .failure(let error) = result, error.isPermanent {
            if failures.count > 10_000 { failures = failures.filter { $0.value.until > .now } }
            failures[keyID] = (error, .now + negativeLifetime)
        }
        return result
    }
}

extension KeyResolutionError {
    /// Not found or invalid: fetching again soon will fail the same way.
    var isPermanent: Bool {
        if case .transient = self { return false }
        return true
    }
}
