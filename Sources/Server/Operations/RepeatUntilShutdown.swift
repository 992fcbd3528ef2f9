import ServiceLifecycle

/// Runs `pass` now and then every `interval` seconds until graceful shutdown or cancellation.
/// Only the wait is cut short by a shutdown; a pass in progress finishes first: cancelling
/// database work mid-way (PostgresNIO leases) could leave the service group waiting forever.
func repeatUntilShutdown(every interval: Double, _ pass: () async -> Void) async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
        await pass()
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }
    }
}
