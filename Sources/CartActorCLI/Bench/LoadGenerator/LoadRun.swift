import NIOCore
import NIOHTTP1
import NIOPosix

/// One load run's state. Lives on the generator's event loop: every method runs there.
final class LoadRun<Source: LoadSource> {
    private var plan: LoadPlan<Source>
    private let loop: any EventLoop
    private let promise: EventLoopPromise<LoadOutcome>
    private var channels: [(any Channel)?]
    /// Per connection: requests sent so far, and the scheduled time of the one in flight.
    private var sent: [Int]
    private var inFlight: [UInt64?]
    private var finished: [Bool]
    private var finishedCount = 0
    private var outcome = LoadOutcome()
    private var startTime: UInt64 = 0
    private var deadline: UInt64?
    private var failed = false

    init(plan: LoadPlan<Source>, loop: any EventLoop) {
        self.plan = plan
        self.loop = loop
        promise = loop.makePromise(of: LoadOutcome.self)
        channels = Array(repeating: nil, count: plan.connections)
        sent = Array(repeating: 0, count: plan.connections)
        inFlight = Array(repeating: nil, count: plan.connections)
        finished = Array(repeating: false, count: plan.connections)
    }

    /// Connects everything, then starts every connection's first request.
    func start() -> EventLoopFuture<LoadOutcome> {
        let bound = NIOLoopBound(self, eventLoop: loop)
        let connects = (0..<plan.connections).map { index in
            ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(LoadConnectionHandler(run: bound.value, connection: index))
                    }
                }
                .connect(host: plan.host, port: plan.port)
        }
        EventLoopFuture.whenAllSucceed(connects, on: loop).assumeIsolated().whenComplete { result in
            switch result {
            case let .success(channels):
                self.channels = channels
                self.begin()
            case let .failure(error):
                self.fail(error)
            }
        }
        return promise.futureResult
    }

    private func begin() {
        startTime = Self.now()
        if case let .closedLoop(seconds?) = plan.pace { deadline = startTime + UInt64(seconds * 1e9) }
        for connection in 0..<plan.connections { next(on: connection) }
    }

    /// Sends `connection`'s next request now or at its scheduled time, or ends the connection.
    private func next(on connection: Int) {
        guard !failed else { return }
        switch plan.pace {
        case .closedLoop:
            let now = Self.now()
            if let deadline, now >= deadline { return finish(connection) }
            send(on: connection, scheduled: now)
        case let .fixedRate(perSecond, seconds):
            let each = Int(seconds * Double(perSecond)) / plan.connections
            guard sent[connection] < each else { return finish(connection) }
            // Connection c's n-th request is due at c/N of an interval plus n intervals.
            let interval = 1e9 * Double(plan.connections) / Double(perSecond)
            let due = startTime + UInt64(interval * (Double(connection) / Double(plan.connections) + Double(sent[connection])))
            if due <= Self.now() {
                send(on: connection, scheduled: due)
            } else {
                loop.assumeIsolated().scheduleTask(deadline: .uptimeNanoseconds(due)) {
                    self.send(on: connection, scheduled: due)
                }
            }
        }
    }

    private func send(on connection: Int, scheduled: UInt64) {
        guard !failed, let channel = channels[connection] else { return }
        guard let request = plan.source.request(connection: connection, index: sent[connection]) else {
            return finish(connection)
        }
        sent[connection] += 1
        inFlight[connection] = scheduled
        if case .fixedRate = plan.pace { outcome.lateness.append(Self.milliseconds(Self.now() - scheduled)) }
        let isolated = channel.pipeline.syncOperations
        isolated.write(NIOAny(HTTPClientRequestPart.head(request.head)), promise: nil)
        if let body = request.body { isolated.write(NIOAny(HTTPClientRequestPart.body(.byteBuffer(body))), promise: nil) }
        isolated.writeAndFlush(NIOAny(HTTPClientRequestPart.end(nil)), promise: nil)
    }

    /// A whole answer arrived on `connection`.
    func answered(on connection: Int, status: Int) {
        guard let scheduled = inFlight[connection] else { return fail(LoadError.unexpectedAnswer) }
        inFlight[connection] = nil
        outcome.statuses[status, default: 0] += 1
        outcome.latencies.append(Self.milliseconds(Self.now() - scheduled))
        outcome.scheduledAt.append(Self.milliseconds(scheduled - startTime))
        next(on: connection)
    }

    /// The connection closed or failed.
    func failed(on connection: Int, _ error: any Error) {
        if finished[connection] && inFlight[connection] == nil { return }
        fail(error)
    }

    private func finish(_ connection: Int) {
        guard !finished[connection] else { return }
        finished[connection] = true
        finishedCount += 1
        guard finishedCount == plan.connections else { return }
        outcome.seconds = Double(Self.now() - startTime) / 1e9
        closeAll()
        promise.succeed(outcome)
    }

    private func fail(_ error: any Error) {
        guard !failed else { return }
        failed = true
        closeAll()
        promise.fail(error)
    }

    private func closeAll() {
        for index in channels.indices {
            finished[index] = true
            inFlight[index] = nil
            channels[index]?.close(promise: nil)
        }
    }

    private static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }
    private static func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e6 }
}

/// Why a load run stopped.
enum LoadError: Error, CustomStringConvertible {
    case unexpectedAnswer
    case connectionClosed

    var description: String {
        switch self {
        case .unexpectedAnswer: "the server answered a request that was not sent"
        case .connectionClosed: "the server closed a benchmark connection"
        }
    }
}
