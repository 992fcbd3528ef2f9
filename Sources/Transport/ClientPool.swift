import AsyncHTTPClient
import Logging
import NIOCore

/// A bounded LRU of AsyncHTTPClients, one per (host, checked address), all on one event-loop
/// group. Each client's `dnsOverride` pins its host to the checked address, so AHC dials that
/// address with no lookup of its own while TLS still validates the host name; the per-client
/// pool also keeps connections alive per host. Evicted clients are shut down once idle.
actor ClientPool {
    private struct Entry {
        var client: HTTPClient
        var lastUsed: ContinuousClock.Instant
        var leases: Int
    }

    private let configuration: HTTPClient.Configuration
    private let capacity: Int
    private let idleLifetime: Duration
    private var entries: [CheckedTarget: Entry] = [:]
    /// Evicted clients still serving requests, with their remaining lease counts.
    private var retired: [ObjectIdentifier: (client: HTTPClient, leases: Int)] = [:]
    private var shutdowns: [Int: Task<Void, Never>] = [:]
    private var nextShutdownID = 0
    private var isShutDown = false

    /// A pool whose clients share `configuration` (redirects off, timeouts set by the caller).
    init(configuration: HTTPClient.Configuration, capacity: Int = 64, idleLifetime: Duration = .seconds(120)) {
        self.configuration = configuration
        self.capacity = capacity
        self.idleLifetime = idleLifetime
    }

    /// A client for `target`, leased until `release` is called with it; `nil` after shutdown.
    func lease(_ target: CheckedTarget) -> HTTPClient? {
        guard !isShutDown else { return nil }
        let now = ContinuousClock.now
        if var entry = entries[target] {
            entry.leases += 1
            entry.lastUsed = now
            entries[target] = entry
            return entry.client
        }
        var configuration = self.configuration
        if !target.hostIsLiteral { configuration.dnsOverride = [target.host: target.address.description] }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        entries[target] = Entry(client: client, lastUsed: now, leases: 1)
        evict(now: now)
        return client
    }

    /// Returns a leased client; shuts it down if it was evicted meanwhile and is now idle.
    func release(_ client: HTTPClient, for target: CheckedTarget) {
        if var entry = entries[target], entry.client === client {
            entry.leases -= 1
            entry.lastUsed = .now
            entries[target] = entry
            return
        }
        let id = ObjectIdentifier(client)
        guard var old = retired[id] else { return }
        old.leases -= 1
        if old.leases <= 0 {
            retired[id] = nil
            shutDownLater(old.client)
        } else {
            retired[id] = old
        }
    }

    /// Shuts down every client and waits for it; later leases get `nil`.
    func shutdown() async {
        isShutDown = true
        for entry in entries.values { shutDownLater(entry.client) }
        for old in retired.values { shutDownLater(old.client) }
        entries = [:]
        retired = [:]
        let pending = shutdowns.values
        for task in pending { await task.value }
    }

    /// Clients not yet shut down: cached plus evicted-but-leased (for tests and metrics).
    var liveClientCount: Int { entries.count + retired.count }

    /// Drops clients idle for too long, then the least recently used beyond capacity.
    private func evict(now: ContinuousClock.Instant) {
        for (target, entry) in entries where entry.leases == 0 && now - entry.lastUsed > idleLifetime {
            entries[target] = nil
            shutDownLater(entry.client)
        }
        let byAge = entries.sorted { $0.value.lastUsed < $1.value.lastUsed }
        for (target, entry) in byAge.prefix(max(0, entries.count - capacity)) {
            entries[target] = nil
            if entry.leases == 0 {
                shutDownLater(entry.client)
            } else {
                retired[ObjectIdentifier(entry.client)] = (entry.client, entry.leases)
            }
        }
    }

    /// Starts shutting `client` down; `shutdown()` waits for every such task.
    private func shutDownLater(_ client: HTTPClient) {
        let id = nextShutdownID
        nextShutdownID += 1
        shutdowns[id] = Task {
            try? await client.shutdown()
            self.shutdownFinished(id)
        }
    }

    private func shutdownFinished(_ id: Int) {
        shutdowns[id] = nil
    }
}
