import TestSupport

/// Starting and stopping several receivers at once.
enum Receivers {
    /// `count` receivers trusting the harness's signing key.
    static func start(_ count: Int, sharedInbox: Bool = true) async throws -> [ReceiverHost] {
        var hosts: [ReceiverHost] = []
        for _ in 0..<count { hosts.append(try await ReceiverHost.start(sharedInbox: sharedInbox, resolver: OutboxHarness.resolver)) }
        return hosts
    }

    /// Stops them all.
    static func stop(_ hosts: [ReceiverHost]) async {
        for host in hosts { await host.down() }
    }
}

extension Receivers {
    /// Runs `body` with `count` fresh receivers, stopping them afterwards (also on failure).
    static func with<T>(_ count: Int, sharedInbox: Bool = true, _ body: ([ReceiverHost]) async throws -> T) async throws -> T {
        let hosts = try await start(count, sharedInbox: sharedInbox)
        do {
            let result = try await body(hosts)
            await stop(hosts)
            return result
        } catch {
            await stop(hosts)
            throw error
        }
    }
}
